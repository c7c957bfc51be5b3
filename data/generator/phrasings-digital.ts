import type { PhrasingBook } from './phrasing-types.js';

/** Account access and the app / website. */
export const DIGITAL_PHRASINGS: PhrasingBook = {
  'account.login-failure': {
    negative: [
      "I can't log in, it just says invalid credentials even though they're right.",
      'The login page just reloads and never lets me in.',
      "I haven't been able to sign in to my account for {days}.",
      'Every time I try to log in it kicks me back to the home screen.',
      'The sign-in button does nothing on my phone.',
      'Unable to access my account since the last update.',
    ],
    positive: ['Logging in with face ID is so much easier now.'],
  },
  'account.password-reset': {
    negative: [
      'The password reset email never arrives.',
      'The reset link says it has expired the moment I click it.',
      "I've reset my password {count} and it still won't accept the new one.",
      'The forgot password flow just loops back to the start.',
      'No reset code ever comes through by text.',
      "It won't let me choose a new password, it just keeps saying it doesn't meet the rules.",
    ],
    positive: ['Resetting my password took less than a minute.'],
  },
  'account.locked': {
    negative: [
      'My account got locked after one wrong attempt.',
      'You suspended my account without any explanation.',
      "My account is blocked and I can't place any orders.",
      "I've been locked out for {days} waiting for someone to unlock it.",
      'Got a message that my account is frozen for security reasons, no idea why.',
      "Too many attempts apparently, now it's locked for 24 hours.",
    ],
    positive: ['They unlocked my account straight away once I confirmed my details.'],
  },
  'account.two-factor': {
    negative: [
      'The two-factor code never arrives on my phone.',
      '2FA codes expire before the text even comes through.',
      "I changed phones and now I can't get past the verification code step.",
      'The authenticator app code is always rejected.',
      'Getting a verification SMS every single time I sign in is exhausting.',
      "I lost access to my old number so I can't receive the one-time code.",
    ],
    positive: ['Two-step verification was easy to set up and gives me peace of mind.'],
  },
  'account.profile-update': {
    negative: [
      "I can't change my address in my profile, it won't save.",
      'Trying to update my email address but the page errors out.',
      "My name is spelt wrong on the account and there's no way to edit it.",
      "The phone number field won't accept my new number.",
      'I updated my details {count} and they keep reverting.',
      "There's no option to change my date of birth on the account.",
    ],
    positive: ['Changing my address on the account was quick.'],
  },
  'app.crash': {
    negative: [
      'The app keeps crashing when I open my orders.',
      'The app crashes every time I try to upload a photo.',
      'Since the last update the app just closes itself.',
      'It freezes and then force closes on my {phone}.',
      'The app crashed {count} while I was placing an order.',
      "Can't use the app at all, it crashes straight away on launch.",
    ],
    positive: ['The app has been rock solid since the update.'],
  },
  'app.slow': {
    negative: [
      'The app is painfully slow.',
      'Pages take forever to load in the app.',
      'It takes about {seconds} seconds just to open the basket.',
      'The website is sluggish and laggy on every page.',
      'Everything loads so slowly, I gave up halfway.',
      'Search results take ages to appear.',
    ],
    positive: ['The app feels much faster now.'],
  },
  'app.checkout-error': {
    negative: [
      'Checkout throws an error and empties my basket.',
      "The 'place order' button does nothing.",
      "I'm stuck on the checkout page and can't get any further.",
      "Got 'something went wrong' at the final step of checkout.",
      "Couldn't complete my order, checkout keeps failing.",
      "The basket total shows zero and won't let me check out.",
    ],
    positive: ['Checkout was smooth and quick.'],
  },
  'app.usability': {
    negative: [
      "The app is confusing, I can't find anything.",
      'Menus are buried and it took me ages to find my order history.',
      'Way too many steps to do something simple.',
      'The new layout is cluttered and hard to navigate.',
      'The text is tiny and the buttons are too close together.',
      "Not intuitive at all, my mum couldn't use it.",
    ],
    positive: ['The app is really easy to use.', "Love the new design, everything is where you'd expect."],
  },
  'app.notifications': {
    negative: [
      'The app spams me with push notifications all day.',
      "I don't get any notifications when my order ships.",
      'Notifications arrive hours late.',
      'I turned notifications off but I still get them.',
      'Getting the same alert five times in a row.',
      'Push notifications come through in the wrong language.',
    ],
    positive: ['The order alerts are handy.'],
  },
};
