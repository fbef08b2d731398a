import { rankedWords, wordList } from './families.ts';

// Built-in English vocabulary: common words, most frequent first, and regular inflections of the
// content words, so the stemmer has real work to do (cooperate, cooperated, cooperating...).

const FUNCTION_WORDS = `the of and to a in is that for it was on with as be by he at from his have an are they this
which or had not but were their has been its we will one all would there she her after said also who more than about
can when into over up two new other some could no only most first against between under while during since before
many these three`;

const NOUNS = `government president minister election council security economy market trade policy cooperation war peace
police court report country city region year week month people company industry worker union party vote campaign
leader official agency committee parliament law reform budget tax price energy climate health hospital school
student teacher university research scientist study network computer service army soldier border agreement treaty
summit crisis protest protester negotiation victim inquiry trial lawyer newspaper journalist press television radio
film actor theatre museum festival artist book author culture sport match team player championship stadium transport
road train airport port ship car accident fire storm flood water electricity oil gas farm farmer village district
house family child woman man citizen resident immigration job unemployment salary pension bank currency debt growth
development environment pollution statement decision project programme plan change record meeting director member
system community investment production force`;

const VERBS = `announce approve arrest attack believe claim complete consider continue cooperate create debate decide
declare defend demand describe develop discuss elect employ establish expect explain express finance follow govern
happen help import export improve include increase inform insist introduce invest investigate launch manage
negotiate observe offer oppose organize perform present prevent produce protect protest provide publish receive
recommend reduce reform reject remain repair replace represent request require respond restore return serve sign
support suspend threaten train visit warn welcome work change`;

const ADJECTIVES = `national international political economic social public private local regional federal foreign
military financial environmental important recent former major large small strong difficult possible available
significant serious current general democratic independent digital scientific medical legal rural urban global annual
senior young free open clear quick prime nuclear human modern`;

const isConsonant = (c: string | undefined) => c !== undefined && !'aeiou'.includes(c);

const IRREGULAR_PLURALS: Record<string, string> = { child: 'children', man: 'men', woman: 'women', police: 'police' };

function plural(word: string): string {
  const irregular = IRREGULAR_PLURALS[word];
  if (irregular) return irregular;
  if (word.endsWith('is')) return `${word.slice(0, -2)}es`;
  if (word.endsWith('y') && isConsonant(word.at(-2))) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

function verbForms(verb: string): string[] {
  const past = verb.endsWith('e')
    ? `${verb}d`
    : verb.endsWith('y') && isConsonant(verb.at(-2))
      ? `${verb.slice(0, -1)}ied`
      : `${verb}ed`;
  const gerund = verb.endsWith('e') && !verb.endsWith('ee') ? `${verb.slice(0, -1)}ing` : `${verb}ing`;
  return [verb, plural(verb), past, gerund];
}

/** The adjective and, for the suffixes that regularly take one, its adverb. */
function adjectiveForms(adjective: string): string[] {
  if (adjective === 'public') return [adjective, 'publicly'];
  if (adjective.endsWith('ic')) return [adjective, `${adjective}ally`];
  if (adjective.endsWith('able')) return [adjective];
  if (adjective.endsWith('le')) return [adjective, `${adjective.slice(0, -1)}y`];
  if (adjective.endsWith('ary')) return [adjective, `${adjective.slice(0, -1)}ily`];
  if (/(al|ent|ant|ous|ong)$/.test(adjective)) return [adjective, `${adjective}ly`];
  return [adjective];
}

export function englishWords(): string[] {
  return rankedWords(
    FUNCTION_WORDS,
    wordList(NOUNS).map((noun) => [noun, plural(noun)]),
    wordList(VERBS).map(verbForms),
    wordList(ADJECTIVES).map(adjectiveForms),
  );
}
