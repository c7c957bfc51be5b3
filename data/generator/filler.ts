/**
 * Sentences around the planted mentions. None of them may carry a theme's complaint
 * wording, or the truth would under-count what a matcher rightly finds.
 */

/** Customer context with no friction in it. */
export const CONTEXT_SENTENCES = [
  "I've been a customer for {years} years.",
  "I ordered the {product} for my daughter's birthday.",
  'Bought the {product} last month.',
  'This was my second order with you.',
  'I use the {product} every day.',
  'We have a few of these at the office.',
  'My partner recommended you to me.',
  'I ordered on {weekday} evening.',
  'I live in a small flat, so space matters.',
  'I mostly shop with you on my {phone}.',
] as const;

/** What a verbatim says when it names no theme: generic praise or chit-chat. */
export const GENERIC_SENTENCES = [
  'Overall a good experience.',
  'No complaints, happy customer.',
  'Keep up the good work!',
  'Would recommend to friends.',
  'All good, thanks.',
  'Nothing to add really.',
  'Happy with everything so far.',
  'Fine.',
  'Pretty standard, nothing special.',
  'Good service as always.',
  'Love this company.',
  "It's ok I guess.",
  'n/a',
  'Thanks for asking.',
] as const;

export const NEGATIVE_CLOSINGS = [
  'Really disappointed.',
  'Please sort this out.',
  'Not happy at all.',
  "I'm seriously thinking about going elsewhere.",
  'Very frustrating.',
  'Unacceptable.',
  'Sort it out please!!',
  'I expected better.',
  'If this happens again I will cancel.',
] as const;

export const POSITIVE_CLOSINGS = ['Thanks!', 'Keep it up.', 'Really pleased.', 'Great job.', 'Very happy.'] as const;

export const MIXED_BRIDGES = ['On the plus side,', 'To be fair,', 'That said,', 'Having said that,'] as const;

/** Polite, neutral agent lines: they acknowledge without naming the problem. */
export const AGENT_GREETINGS = [
  'Thank you for calling Lumo, my name is {agent}, how can I help you today?',
  "Good morning, you're through to Lumo customer care, {agent} speaking.",
  'Hi, thanks for calling, this is {agent}. What can I do for you?',
] as const;

export const AGENT_PROBES = [
  'Can I take your full name and postcode, please?',
  'Could you confirm the email address on the account for me?',
  'Thanks. Could you give me the reference number, please?',
  'Of course, let me bring up your details.',
] as const;

export const AGENT_ACKNOWLEDGEMENTS = [
  "I'm sorry to hear that, let me have a look.",
  'I understand, thank you for explaining.',
  'Thanks for bearing with me while I check.',
  'I can see that here, one moment please.',
  "I appreciate your patience, I'm just checking the notes.",
  "Okay, I've made a note of that.",
] as const;

export const AGENT_WRAPUPS = [
  "I've added all of this to your case and our team will follow up.",
  "I've escalated this to the relevant team with the details you gave me.",
  "I've recorded everything so the specialists have the full picture.",
] as const;

export const AGENT_CLOSINGS = [
  'Is there anything else I can help you with today?',
  'Thank you for your time, have a lovely day.',
  'Thanks for calling Lumo, take care.',
] as const;

export const CUSTOMER_OPENERS = [
  "Hi, yes, I'm calling about an order I placed.",
  'Hello, I need some help please.',
  "Hi there, it's about my order.",
  'Yeah hi, I wanted to speak to someone about something.',
  'Hello. I have a question.',
] as const;

export const CUSTOMER_SIGN_OFFS = ["No, that's all, thanks.", 'Okay. Bye.', 'Fine, thank you.', 'Alright, cheers.'] as const;

export const BOT_GREETINGS = [
  "Hi! I'm Lumo's virtual assistant. What can I help you with today?",
  'Welcome to Lumo chat. Please describe what you need and I will find the right person.',
] as const;

export const BOT_HANDOVERS = ['Thanks, I am connecting you to a member of our team now.', 'One moment, an agent will join the chat shortly.'] as const;

export const AGENT_CHAT_GREETINGS = [
  "Hi, I'm {agent}, thanks for waiting. I'll take it from here.",
  "Hello, {agent} here. I've read the conversation so far.",
] as const;

export const CHAT_OPENERS = ['hi', 'Hello, I need help with something', 'hey there', 'Hi, quick question'] as const;
