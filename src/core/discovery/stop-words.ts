/**
 * Words that say nothing about a friction on their own: function words, greetings, fillers,
 * the small talk of feedback, and the vague nouns of any complaint ("problem", "issue"),
 * which would otherwise gather complaints about everything into one group. Negators are
 * the matcher's own (themes/pattern.ts): they carry the friction inside a term ("not
 * work", "never arrive"), written as the taxonomy reads "not".
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all almost also am an and any are aren't around as at be because been before
  being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during
  each either else even ever every few for from further get gets getting got gotten had hadn't has hasn't have haven't
  having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is
  isn't it it's its itself just let's like me might more most much must mustn't my myself now of off on once only or
  other ought our ours ourselves out over own quite rather really same shall shan't she she'd she'll she's should
  shouldn't so some such than that that's the their theirs them themselves then there there's these they they'd
  they'll they're they've this those through thus to too under until up upon us very via was wasn't we we'd we'll
  we're we've were weren't what what's when when's where where's whether which while who who's whom whose why why's
  will with within without won't would wouldn't yet you you'd you'll you're you've your yours yourself yourselves
  hi hello hey dear thanks thank cheers please ok okay yes yeah yep alright well oh ah um uh hmm lol best regards
  kind sincerely sir madam guess anyway actually basically literally honestly maybe perhaps still already again
  one two three four five six seven eight nine ten first second third today yesterday tomorrow week weeks day days
  month months year years time times hour hours minute minutes thing things something anything nothing everything
  someone anyone everyone lot bit way say said tell told want wanted need needed know think thought make made go
  going went come came take took see seen look looked use used put try tried give gave keep kept let able sure
  n/a na etc problem problems issue issues trouble mind`.split(/\s+/),
);
