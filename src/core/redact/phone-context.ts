/** Words just before a number that say what it is; built once, read per candidate. */
export interface PhoneContext {
  /** "order", "ticket no.", "case #": the number is an identifier, not a phone. */
  isIdentifier(text: string, start: number): boolean;
  /** "call me on", "my mobile is": a bare digit run is a phone. */
  isPhone(text: string, start: number): boolean;
}

const WINDOW = 40;
const ID_BEFORE =
  /\b(?:order|ticket|case|ref|reference|invoice|tracking|account|acct|confirmation|booking|reservation|transaction|serial|sku|item|receipt|customer|member|membership|policy|claim|parcel|shipment|package|model|id|po|rma|imei|isbn|version|build|article|kb|fedex|ups|usps|dhl|hermes|dpd|gls|parcelforce)\b[\s.:#-]*(?:(?:number|num|no|nr|id|code)\b[\s.:#-]*)?$/i;
const PHONE_BEFORE =
  /\b(?:call(?:ed|ing)?|phone|tel|telephone|mobile|cell(?:phone)?|number|reach|text|txt|whatsapp|contact|ring|dial|fax|sms|landline|call-?back)\b/i;

export function createPhoneContext(): PhoneContext {
  return {
    isIdentifier: (text, start) => ID_BEFORE.test(text.slice(Math.max(0, start - WINDOW), start)),
    isPhone: (text, start) => PHONE_BEFORE.test(text.slice(Math.max(0, start - WINDOW), start)),
  };
}
