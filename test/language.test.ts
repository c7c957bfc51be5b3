import { describe, expect, it } from 'vitest';
import { detectLanguage as detect } from '../src/core/language/detect.js';
import { tinyldDetector } from '../src/load/language-detector.js';
import { NON_ENGLISH_SENTENCES } from './fixtures/non-english-sentences.js';

const ngram = tinyldDetector();
const detectLanguage = (text: string) => detect(text, ngram);

describe('detectLanguage', () => {
  it('recognises ordinary English feedback confidently', () => {
    for (const text of [
      'I have been waiting for my refund for two weeks and nobody answers the phone.',
      'The jacket runs small but the quality is great.',
      'Delivery was late again, this is the third time.',
    ]) {
      expect(detectLanguage(text)).toEqual({ language: 'en', confident: true });
    }
  });

  it('tells French, Spanish, German and Portuguese sentences apart from English', () => {
    expect(detectLanguage("Le service client est vraiment nul, j'attends toujours mon remboursement.").language).toBe('fr');
    expect(detectLanguage('El pedido nunca llegó y nadie me devolvió la llamada.').language).toBe('es');
    expect(detectLanguage('Die Lieferung kam zu spät und der Kundendienst war unfreundlich.').language).toBe('de');
    expect(detectLanguage('O atendimento foi péssimo e ainda estou esperando o reembolso.').language).toBe('pt');
  });

  it('defaults short unsure texts to English without claiming confidence', () => {
    expect(detectLanguage('ok thx')).toEqual({ language: 'en', confident: false });
    expect(detectLanguage('Great!!')).toEqual({ language: 'en', confident: false });
    expect(detectLanguage('👍')).toEqual({ language: 'en', confident: false });
  });

  it('does not mistake English with a foreign word or two for another language', () => {
    expect(detectLanguage('The café was lovely and the croissant was fresh.').language).toBe('en');
  });
});

describe('short English texts', () => {
  it('keeps short plain-ASCII texts without foreign function words English', () => {
    for (const t of [
      'Notifications arrive hours late.',
      'Hello,\n\nFine.\n\nRegards,\nOlga',
      'Refund still pending after weeks.',
      'No complaints, happy customer. Happy with everything so far.',
    ]) {
      expect(detectLanguage(t).language).toBe('en');
    }
  });
});

describe('social posts', () => {
  it('keeps English posts with handles, hashtags, links, emoji, names and slang English', () => {
    for (const t of [
      '@SkyJetAir my bag never showed up in Denver #fail https://t.co/xYz12',
      'Zac Efron Flaunts Fit Abs in New Dirty Grandpa... #ZacEfron',
      'RT @user #Guelph Nuit Blanche tonight: 1:30am. Bookshelf Cinema parking lot',
      '#Polish authorities want more #surveillance #Polska #bezpieczeństwo #EU',
      '11:11 wes cass twins mak ppbos pp philly happiness 😍😍',
      'Marion Maréchal-Le Pen met Poklonskaya at the Duma and was invited to speak',
    ]) {
      expect(detectLanguage(t).language, t).toBe('en');
    }
  });

  it('still sets aside short non-English sentences and posts in six languages', () => {
    for (const { language, text } of NON_ENGLISH_SENTENCES) {
      expect(detectLanguage(text).language, text).toBe(language);
    }
  });
});
