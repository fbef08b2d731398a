import { rankedWords, wordList } from './families.ts';

// Built-in French vocabulary, used when the shared French corpus is not there: common words, most
// frequent first, with regular inflections (coopérer, coopère, coopérons, coopération, coopérations...).

const FUNCTION_WORDS = `de la le à et les des du en un une dans par pour sur est au qui que il ne pas a avec plus se ce
son sa ses été aux ont elle mais ou comme sont lors leur leurs cette ces selon après avant entre sans depuis contre
aussi tout tous deux trois fait être avoir très où dont même encore déjà sous vers chez ils nous on`;

const NOUNS = `gouvernement président ministre élection conseil sécurité économie marché commerce politique coopération
guerre paix police tribunal juge rapport pays ville région année semaine mois population entreprise industrie
travailleur syndicat parti vote campagne dirigeant responsable agence commission parlement loi réforme budget impôt
prix énergie climat santé hôpital école étudiant enseignant université recherche chercheur étude donnée réseau
ordinateur service armée soldat force frontière accord traité sommet crise manifestation manifestant négociation
victime enquête procès avocat journal journaliste presse télévision radio émission film comédien théâtre musée
spectacle artiste livre auteur culture sport match équipe joueur championnat stade transport route train avion aéroport
port navire voiture accident incendie tempête inondation eau électricité pétrole gaz agriculture agriculteur village
quartier maison logement famille enfant femme homme citoyen habitant immigration emploi chômage salaire retraite
banque monnaie dette croissance développement environnement pollution déclaration communiqué décision projet
programme plan union bureau`;

const VERBS = `annoncer déclarer coopérer gouverner négocier décider approuver discuter augmenter développer protéger
attaquer accepter continuer créer présenter publier signer visiter organiser manifester voter condamner arrêter
accuser refuser demander proposer confirmer estimer affirmer expliquer indiquer souligner rencontrer préparer
préférer espérer considérer représenter remplacer commencer lancer financer menacer encourager engager partager
exiger diriger changer améliorer installer participer quitter tuer blesser réclamer dénoncer assurer renforcer
adopter examiner étudier travailler juger interroger répéter accélérer célébrer`;

const ADJECTIVES = `national international politique économique social local régional fédéral étranger militaire
financier important récent ancien grand petit fort difficile possible disponible sérieux actuel général officiel
démocratique indépendant européen américain africain français britannique numérique scientifique médical légal rural
urbain mondial annuel jeune libre premier dernier principal majeur humain nucléaire présidentiel électoral
gouvernemental parlementaire`;

function plural(word: string): string {
  if (/[sxz]$/.test(word)) return word;
  if (word.endsWith('al')) return `${word.slice(0, -2)}aux`;
  if (/(eau|eu)$/.test(word)) return `${word}x`;
  return `${word}s`;
}

/** First-group verbs, with the spelling changes that make stemming non-trivial (coopère, protégeons, lançait). */
function verbForms(infinitive: string): string[] {
  const stem = infinitive.slice(0, -2);
  // Before a silent ending the last "é" of the stem opens: coopérer → coopère.
  const open = stem.replace(/é([^aeiouyéèêë]+)$/, 'è$1');
  // Before "a" and "o", "g" takes an "e" and "c" a cedilla: protégeons, lançait.
  const hard = stem.endsWith('g') ? `${stem}e` : stem.endsWith('c') ? `${stem.slice(0, -1)}ç` : stem;
  return [
    infinitive,
    `${open}e`,
    `${open}ent`,
    `${stem}é`,
    `${stem}ée`,
    `${stem}és`,
    `${hard}ons`,
    `${hard}ait`,
    `${hard}aient`,
  ];
}

function feminine(adjective: string): string {
  if (adjective.endsWith('e')) return adjective;
  if (adjective.endsWith('er')) return `${adjective.slice(0, -2)}ère`;
  if (/(ien|éen|el)$/.test(adjective)) return `${adjective}${adjective.at(-1)}e`;
  if (adjective.endsWith('eux')) return `${adjective.slice(0, -1)}se`;
  if (adjective.endsWith('if')) return `${adjective.slice(0, -1)}ve`;
  return `${adjective}e`;
}

function adjectiveForms(adjective: string): string[] {
  const female = feminine(adjective);
  return [adjective, female, plural(adjective), `${female}s`];
}

export function frenchWords(): string[] {
  return rankedWords(
    FUNCTION_WORDS,
    wordList(NOUNS).map((noun) => [noun, plural(noun)]),
    wordList(VERBS).map(verbForms),
    wordList(ADJECTIVES).map(adjectiveForms),
  );
}
