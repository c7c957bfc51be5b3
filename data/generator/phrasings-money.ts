import type { PhrasingBook } from './phrasing-types.js';

/** Billing, pricing and cancellation. */
export const MONEY_PHRASINGS: PhrasingBook = {
  'billing.double-charge': {
    negative: [
      'I was charged twice for the same order ({order}), {amount} both times.',
      'My card shows two identical payments of {amount} for one purchase.',
      'You billed me double this month and I only have one subscription.',
      "There's a duplicate charge on my statement from {weekday}.",
      'Why did I get charged {amount} two times for the {product}?',
      'The same transaction went through twice and now my account is overdrawn.',
      'Got hit with the payment twice, [please sort it out|this needs fixing].',
    ],
    positive: ['The duplicate payment was reversed the same day, which I appreciated.'],
  },
  'billing.incorrect-charge': {
    negative: [
      'I was charged {amount} but the total at checkout said {amount2}.',
      "My bill is wrong, I was billed for the Premium plan but I'm on Basic.",
      "The amount taken from my card doesn't match what I ordered.",
      'You overcharged me by {amount} on my last statement.',
      "There's a charge for {amount} on my card that I don't recognise at all.",
      'I got billed for an item I sent back weeks ago.',
      'The total you charged me is wrong, it should be {amount2}.',
    ],
    positive: ['The billing team corrected the wrong amount on my account quickly.'],
  },
  'billing.payment-failed': {
    negative: [
      'My payment keeps getting declined even though my card is fine.',
      'Tried to pay {count} and every time it says the transaction failed.',
      "The payment wouldn't go through with my Visa or with PayPal.",
      "I get a 'payment could not be processed' message every time.",
      "Card was rejected at the last step, the bank says there's no problem on their side.",
      'Payment failed again today, no reason given.',
    ],
    positive: ['Payment went through first time this time round, no issues.'],
  },
  'billing.invoice-issue': {
    negative: [
      "I still haven't received an invoice for order {order}.",
      'The invoice has the wrong company name and VAT number on it.',
      "I need a proper VAT invoice for my accountant and can't find one anywhere.",
      'The invoice you sent has my old address on it.',
      "Can't download my invoices from the account page, the PDF is blank.",
      'Our finance team needs itemised invoices and yours only show a total.',
    ],
    positive: ['Invoices arrive on time and are easy to read.'],
  },
  'billing.autopay-problem': {
    negative: [
      "Autopay didn't run this month so my account got flagged as overdue.",
      'I turned off auto-renew and you still took {amount} from my card.',
      'The automatic payment keeps using my old card even after I updated it.',
      'Autopay took the money on the wrong date, {days} early.',
      "I can't switch off automatic renewal anywhere in the settings.",
      'My direct debit was stopped for no reason.',
    ],
    positive: ['Setting up autopay was painless.'],
  },
  'pricing.too-expensive': {
    negative: [
      "It's [way|far] too expensive for what you get.",
      'Prices are much higher than your competitors.',
      'Not worth {amount} a month.',
      'Overpriced for such a basic {product}.',
      'I can get the same thing for half the price elsewhere.',
      "I can't justify the cost any more.",
    ],
    positive: ['Great value for money.', 'Fairly priced for the quality.'],
  },
  'pricing.hidden-fees': {
    negative: [
      "There was a {amount} service fee added at checkout that wasn't shown earlier.",
      'Hidden fees everywhere, the final price was way more than advertised.',
      'Nobody mentioned the handling fee.',
      "You charged a 'processing fee' that's not mentioned anywhere on the website.",
      'The extra charges only appear at the very last step.',
      'Surprise admin fee of {amount} on my bill.',
    ],
    positive: ['No hidden costs, the price I saw was the price I paid.'],
  },
  'pricing.price-increase': {
    negative: [
      'You put my subscription up by {percent} overnight.',
      'The price went up again, third time this year.',
      'My monthly fee jumped from {amount} to {amount2}.',
      'Why has the price increased when nothing has changed?',
      'Rising prices are pushing me to leave.',
      'Got a letter saying my plan is going up in price next month.',
    ],
    positive: ['Nice that you kept the price the same this year.'],
  },
  'pricing.promo-not-applied': {
    negative: [
      "My discount code {code} didn't work at checkout.",
      "The promo wasn't applied even though I met the conditions.",
      'The {percent} off offer never came off my total.',
      "Coupon code says invalid but it's from your own email.",
      'I was promised a loyalty discount that never showed up.',
      'The sale price was advertised but I paid full price.',
    ],
    positive: ['The discount code worked straight away.'],
  },
  'cancellation.cancel-difficulty': {
    negative: [
      "It's impossible to cancel my subscription online.",
      "I have to phone to cancel, there's no way to do it online.",
      "Tried to cancel {count} and I'm still a member.",
      'The cancel button just takes me round in circles.',
      'Why is it so hard to end a membership?',
      'They kept trying to sell me offers instead of cancelling my account.',
    ],
    positive: ['Cancelling was simple, took two clicks.'],
  },
  'cancellation.refund-delay': {
    negative: [
      'Still waiting for my refund after {days}.',
      'I sent the {product} back a month ago and no money back yet.',
      "You said the refund would take 5 days, it's been three weeks.",
      'Where is my refund? Order {order}.',
      'The refund was approved but the money never reached my account.',
      'Waiting forever for my money back.',
    ],
    positive: ['The refund came through within two days.'],
  },
  'cancellation.refund-denied': {
    negative: [
      'My refund request was refused for no reason.',
      "You won't give me my money back even though it's within the 30 days.",
      'Refund denied because I opened the box, ridiculous.',
      'You rejected my claim for a refund.',
      "I was told I'm not eligible for a refund.",
      'They flatly refuse to give me my money back.',
    ],
    positive: [],
  },
  'cancellation.return-process': {
    negative: [
      'The returns process is a nightmare.',
      "I can't print a return label, the portal keeps erroring.",
      'I had to pay {amount} to send it back.',
      'There are no drop-off points near me for returns.',
      'The return form asks for an RMA number I was never given.',
      'Sending the item back was way too complicated.',
    ],
    positive: ['Returning it was easy, free label and a drop-off around the corner.'],
  },
};
