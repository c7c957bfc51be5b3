import type { PhrasingBook } from './phrasing-types.js';

/** Customer support and communication. */
export const SERVICE_PHRASINGS: PhrasingBook = {
  'support.wait-time': {
    negative: [
      'I waited {duration} on hold before anyone picked up.',
      'Hold times are ridiculous, {duration} just to speak to someone.',
      'Sat in the chat queue for {duration}.',
      'It took ages to get through to a human.',
      'I was number 27 in the queue and it barely moved.',
      'Spent my whole lunch break listening to the hold music.',
    ],
    positive: ['Got through to someone within a couple of minutes, no waiting.'],
  },
  'support.transfers': {
    negative: [
      'I was transferred {count} and had to explain everything again each time.',
      'Got passed from department to department and nobody owned it.',
      'Every agent just bounced me to another team.',
      'They put me through to billing, who sent me back to technical.',
      'I was handed over to {count_people} different people on one call.',
      'The call got transferred and then dropped.',
    ],
    positive: ['The first person I spoke to handled it without passing me around.'],
  },
  'support.agent-knowledge': {
    negative: [
      'The agent had no idea how the product works.',
      "Staff clearly weren't trained, they just read from a script.",
      "The rep didn't know the answer to a single question.",
      'Nobody I spoke to understood my issue.',
      "The person on chat didn't even know what plans you sell.",
      'Clueless support, I knew more than the agent did.',
    ],
    positive: ['{agent} really knew her stuff and explained everything clearly.', 'The agent was knowledgeable and sorted it in minutes.'],
  },
  'support.agent-attitude': {
    negative: [
      'The agent was rude and kept interrupting me.',
      '{agent} was dismissive and acted like I was wasting their time.',
      'The person on the phone was condescending.',
      'Really unfriendly staff, no empathy at all.',
      'The rep hung up on me mid-sentence.',
      'Sarcastic and unhelpful attitude from your support team.',
    ],
    positive: [
      'The agent was so helpful and friendly.',
      '{agent} was patient and kind, a real credit to your team.',
      'Lovely person on the phone, very polite.',
    ],
  },
  'support.no-callback': {
    negative: [
      'I was promised a callback within 24 hours and nobody ever called.',
      'Still waiting for the call back I was told to expect on {weekday}.',
      'They said a manager would ring me back, never happened.',
      'Nobody got back to me like they said they would.',
      'I requested a callback {count} and still no phone call.',
      'I was told someone would call me within 48 hours, {days} later still nothing.',
    ],
    positive: ['They called me back exactly when they said they would.'],
  },
  'support.unresolved': {
    negative: [
      "My issue still isn't resolved after {days}.",
      'Nothing has been fixed, the problem is exactly the same.',
      'They closed my ticket without solving anything.',
      "Spent hours on this and it's still not sorted.",
      "Nobody could fix it, I'm back to square one.",
      "The case was marked resolved but it isn't.",
    ],
    positive: ['My problem was solved on the first call.'],
  },
  'support.repeat-contact': {
    negative: [
      "This is the {ordinal} time I'm contacting you about this.",
      "I've called {count} about the same problem.",
      'I keep having to chase you about this every week.',
      'I had to reach out again because the last conversation went nowhere.',
      "Third email about this and I'm still explaining it from scratch.",
      'Why do I have to contact support every month for the same thing?',
    ],
    positive: ["Didn't need to get in touch again, one contact and it was done."],
  },
  'communication.no-updates': {
    negative: [
      'Nobody keeps me informed about what is happening.',
      'No updates on my case for {days}.',
      "You never let me know what's happening with my case.",
      'Heard nothing since I placed the order.',
      'Radio silence from your side for two weeks.',
      "Not a single email to tell me what's going on.",
    ],
    positive: ['I got regular updates the whole way through.'],
  },
  'communication.conflicting-info': {
    negative: [
      'Every agent tells me something different.',
      'The website says one thing and the email says another.',
      "One person said it was covered, the next said it wasn't.",
      'Your chat and your phone team gave me contradicting answers.',
      'I got three different answers from three different people.',
      'The FAQ contradicts what your staff told me.',
    ],
    positive: [],
  },
  'communication.unwanted-marketing': {
    negative: [
      'I keep getting marketing emails even though I unsubscribed.',
      'Stop sending me promotional texts.',
      'Too many newsletters, three a day is excessive.',
      'I never opted in to your marketing calls.',
      "The unsubscribe link doesn't work, I'm still getting spam.",
      'Cold calls trying to upsell me every week.',
    ],
    positive: [],
  },
  'communication.unclear-policy': {
    negative: [
      'The warranty policy is so vague.',
      'The terms and conditions are impossible to understand.',
      'Nobody could explain what the policy actually covers.',
      "It's not clear what your terms are for ending the contract early.",
      'The fine print is buried and unclear.',
      "The warranty policy doesn't explain what is actually covered.",
    ],
    positive: ['The policy was explained clearly.'],
  },
};
