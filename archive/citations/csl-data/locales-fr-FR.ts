// The Citation Style Language's French (France) locale, as XML.
// Licensed CC BY-SA 3.0: see LICENSE.md beside this file.
export default `<?xml version="1.0" encoding="utf-8"?>
<locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="fr-FR">
  <info>
    <rights license="http://creativecommons.org/licenses/by-sa/3.0/">This work is licensed under a Creative Commons Attribution-ShareAlike 3.0 License</rights>
  </info>
  <style-options punctuation-in-quote="false" limit-day-ordinals-to-day-1="true"/>
  <date form="text">
    <date-part name="day" suffix=" "/>
    <date-part name="month" suffix=" "/>
    <date-part name="year"/>
  </date>
  <date form="numeric">
    <date-part name="day" form="numeric-leading-zeros" suffix="/"/>
    <date-part name="month" form="numeric-leading-zeros" suffix="/"/>
    <date-part name="year"/>
  </date>
  <terms>
    <term name="advance-online-publication">publication en ligne anticipée</term>
    <term name="album">album</term>
    <term name="audio-recording">enregistrement audio</term>
    <term name="film">film</term>
    <term name="henceforth">désormais</term>
    <term name="loc-cit">loc.&#160;cit.</term>
    <term name="no-place">sans lieu</term>
    <term name="no-place" form="short">s.&#160;l.</term>
    <term name="no-publisher">sans nom</term>
    <term name="no-publisher" form="short">s.&#160;n.</term>
    <term name="on">sur</term>
    <term name="op-cit">op.&#160;cit.</term>
    <term name="original-work-published">édition originale</term>
    <term name="personal-communication">communication personnelle</term>
    <term name="podcast">podcast</term>
    <term name="podcast-episode">épisode de podcast</term>
    <term name="preprint">prépublication</term>
    <term name="radio-broadcast">émission de radio</term>
    <term name="radio-series">série radiophonique</term>
    <term name="radio-series-episode">épisode de série radiophonique</term>
    <term name="special-issue">numéro spécial</term>
    <term name="special-section">section spéciale</term>
    <term name="television-broadcast">émission de télévision</term>
    <term name="television-series">série télévisée</term>
    <term name="television-series-episode">épisode de série télévisée</term>
    <term name="video">vidéo</term>
    <term name="working-paper">document de travail</term>
    <term name="accessed">consulté le</term>
    <term name="and">et</term>
    <term name="and others">et autres</term>
    <term name="anonymous">anonyme</term>
    <term name="anonymous" form="short">anon.</term>
    <term name="at">sur</term>
    <term name="available at">disponible sur</term>
    <term name="by">par</term>
    <term name="circa">vers</term>
    <term name="circa" form="short">v.</term>
    <term name="cited">cité</term>
    <term name="first-reference-note-number">
      <single>reference</single>
      <multiple>references</multiple>
    </term>
    <term name="number">
      <single>number</single>
      <multiple>numbers</multiple>
    </term>
    <term name="edition" gender="feminine">
      <single>édition</single>
      <multiple>éditions</multiple>
    </term>
    <term name="first-reference-note-number" form="short">
      <single>ref.</single>
      <multiple>refs.</multiple>
    </term>
    <term name="number" form="short">
      <single>no.</single>
      <multiple>nos.</multiple>
    </term>
    <term name="edition" form="short">éd.</term>
    <term name="et-al">et al.</term>
    <term name="forthcoming">à paraître</term>
    <term name="from">à l'adresse</term>
    <term name="ibid">ibid.</term>
    <term name="in">in</term>
    <term name="in press">sous presse</term>
    <term name="internet">Internet</term>
    <term name="letter">lettre</term>
    <term name="no date">sans date</term>
    <term name="no date" form="short">s.&#160;d.</term>
    <term name="online">en ligne</term>
    <term name="presented at">présenté à</term>
    <term name="reference">
      <single>référence</single>
      <multiple>références</multiple>
    </term>
    <term name="reference" form="short">
      <single>réf.</single>
      <multiple>réf.</multiple>
    </term>
    <term name="review-of">review of</term>
    <term name="review-of" form="short">rev. of</term>
    <term name="retrieved">consulté</term>
    <term name="scale">échelle</term>
    <term name="version">version</term>
    <term name="article">article</term>
    <term name="article-journal">article de revue</term>
    <term name="article-magazine">article de magazine</term>
    <term name="article-newspaper">article de presse</term>
    <term name="bill">projet de loi</term>
    <term name="broadcast">émission</term>
    <term name="classic">classique</term>
    <term name="collection">collection</term>
    <term name="dataset">jeu de données</term>
    <term name="document">document</term>
    <term name="entry">entrée</term>
    <term name="entry-dictionary">entrée de dictionnaire</term>
    <term name="entry-encyclopedia">entrée d'encyclopédie</term>
    <term name="event">événement</term>
    <term name="graphic">image</term>
    <term name="hearing">audience</term>
    <term name="interview">entretien</term>
    <term name="legal_case">affaire</term>
    <term name="legislation">acte juridique</term>
    <term name="manuscript">manuscrit</term>
    <term name="map">carte</term>
    <term name="motion_picture">enregistrement vidéo</term>
    <term name="musical_score">partition</term>
    <term name="pamphlet">pamphlet</term>
    <term name="paper-conference">article de colloque</term>
    <term name="patent">brevet</term>
    <term name="performance">interprétation</term>
    <term name="periodical">périodique</term>
    <term name="personal_communication">communication personnelle</term>
    <term name="post">billet</term>
    <term name="post-weblog">billet de blog</term>
    <term name="regulation">règlement</term>
    <term name="report">rapport</term>
    <term name="review">recension</term>
    <term name="review-book">recension de livre</term>
    <term name="software">logiciel</term>
    <term name="song">chanson</term>
    <term name="speech">présentation</term>
    <term name="standard">norme</term>
    <term name="thesis">thèse</term>
    <term name="treaty">traité</term>
    <term name="webpage">page web</term>
    <term name="article-journal" form="short">art. de revue</term>
    <term name="article-magazine" form="short">art. de mag.</term>
    <term name="article-newspaper" form="short">art. de presse</term>
    <term name="document" form="short">doc.</term>
    <term name="graphic" form="short">graph.</term>
    <term name="interview" form="short">interv.</term>
    <term name="manuscript" form="short">ms</term>
    <term name="motion_picture" form="short">enr. vidéo</term>
    <term name="report" form="short">rap.</term>
    <term name="review" form="short">recens.</term>
    <term name="review-book" form="short">recens. de liv.</term>
    <term name="song" form="short">enr. audio</term>
    <term name="hearing" form="verb">testimony of</term>
    <term name="review" form="verb">recension de</term>
    <term name="review-book" form="verb">recension du livre</term>
    <term name="ad">apr. J.-C.</term>
    <term name="bc">av. J.-C.</term>
    <term name="bce">av. n. è.</term>
    <term name="ce">n. è.</term>
    <term name="open-quote">«&#160;</term>
    <term name="close-quote">&#160;»</term>
    <term name="open-inner-quote">“</term>
    <term name="close-inner-quote">”</term>
    <term name="page-range-delimiter">‑</term>
    <term name="colon">&#160;:</term>
    <term name="comma">,</term>
    <term name="semicolon">&#160;;</term>
    <term name="ordinal">ᵉ</term>
    <term name="ordinal-01" gender-form="feminine" match="whole-number">ʳᵉ</term>
    <term name="ordinal-01" gender-form="masculine" match="whole-number">ᵉʳ</term>
    <term name="long-ordinal-01">premier</term>
    <term name="long-ordinal-02">deuxième</term>
    <term name="long-ordinal-03">troisième</term>
    <term name="long-ordinal-04">quatrième</term>
    <term name="long-ordinal-05">cinquième</term>
    <term name="long-ordinal-06">sixième</term>
    <term name="long-ordinal-07">septième</term>
    <term name="long-ordinal-08">huitième</term>
    <term name="long-ordinal-09">neuvième</term>
    <term name="long-ordinal-10">dixième</term>
    <term name="act">
      <single>acte</single>
      <multiple>actes</multiple>
    </term>
    <term name="appendix">
      <single>appendice</single>
      <multiple>appendices</multiple>
    </term>
    <term name="article-locator">
      <single>article</single>
      <multiple>articles</multiple>
    </term>
    <term name="canon">
      <single>canon</single>
      <multiple>canons</multiple>
    </term>
    <term name="elocation">
      <single>emplacement</single>
      <multiple>emplacements</multiple>
    </term>
    <term name="equation">
      <single>équation</single>
      <multiple>équations</multiple>
    </term>
    <term name="rule">
      <single>règle</single>
      <multiple>règles</multiple>
    </term>
    <term name="scene">
      <single>scène</single>
      <multiple>scènes</multiple>
    </term>
    <term name="table">
      <single>tableau</single>
      <multiple>tableaux</multiple>
    </term>
    <term name="timestamp">
      <single/>
      <multiple/>
    </term>
    <term name="title-locator">
      <single>titre</single>
      <multiple>titres</multiple>
    </term>
    <term name="book">
      <single>livre</single>
      <multiple>livres</multiple>
    </term>
    <term name="chapter">
      <single>chapitre</single>
      <multiple>chapitres</multiple>
    </term>
    <term name="column">
      <single>colonne</single>
      <multiple>colonnes</multiple>
    </term>
    <term name="figure">
      <single>figure</single>
      <multiple>figures</multiple>
    </term>
    <term name="folio">
      <single>folio</single>
      <multiple>folios</multiple>
    </term>
    <term name="issue" gender="masculine">
      <single>numéro</single>
      <multiple>numéros</multiple>
    </term>
    <term name="line">
      <single>ligne</single>
      <multiple>lignes</multiple>
    </term>
    <term name="note">
      <single>note</single>
      <multiple>notes</multiple>
    </term>
    <term name="opus">
      <single>opus</single>
      <multiple>opus</multiple>
    </term>
    <term name="page">
      <single>page</single>
      <multiple>pages</multiple>
    </term>
    <term name="number-of-volumes">
      <single>volume</single>
      <multiple>volumes</multiple>
    </term>
    <term name="page-first">
      <single>page</single>
      <multiple>pages</multiple>
    </term>
    <term name="printing">
      <single>printing</single>
      <multiple>printings</multiple>
    </term>
    <term name="chapter-number" form="short">
      <single>chap.</single>
      <multiple>chaps.</multiple>
    </term>
    <term name="citation-number" form="short">
      <single>cit.</single>
      <multiple>cits.</multiple>
    </term>
    <term name="collection-number" form="short">
      <single>nᵒ</single>
      <multiple>nᵒˢ</multiple>
    </term>
    <term name="number-of-pages">
      <single>page</single>
      <multiple>pages</multiple>
    </term>
    <term name="paragraph">
      <single>paragraphe</single>
      <multiple>paragraphes</multiple>
    </term>
    <term name="part">
      <single>partie</single>
      <multiple>parties</multiple>
    </term>
    <term name="section">
      <single>section</single>
      <multiple>sections</multiple>
    </term>
    <term name="supplement">
      <single>supplement</single>
      <multiple>supplements</multiple>
    </term>
    <term name="sub-verbo">
      <single>sub verbo</single>
      <multiple>sub verbis</multiple>
    </term>
    <term name="verse">
      <single>verset</single>
      <multiple>versets</multiple>
    </term>
    <term name="volume" gender="masculine">
      <single>volume</single>
      <multiple>volumes</multiple>
    </term>
    <term name="appendix" form="short">
      <single>append.</single>
      <multiple>append.</multiple>
    </term>
    <term name="article-locator" form="short">
      <single>art.</single>
      <multiple>art.</multiple>
    </term>
    <term name="elocation" form="short">
      <single>emplact</single>
      <multiple>emplact</multiple>
    </term>
    <term name="equation" form="short">
      <single>eq.</single>
      <multiple>eq.</multiple>
    </term>
    <term name="rule" form="short">
      <single>règle</single>
      <multiple>règles</multiple>
    </term>
    <term name="scene" form="short">
      <single>sc.</single>
      <multiple>sc.</multiple>
    </term>
    <term name="table" form="short">
      <single>tab.</single>
      <multiple>tab.</multiple>
    </term>
    <term name="timestamp" form="short">
      <single/>
      <multiple/>
    </term>
    <term name="title-locator" form="short">
      <single>tit.</single>
      <multiple>tit.</multiple>
    </term>
    <term name="book" form="short">liv.</term>
    <term name="chapter" form="short">chap.</term>
    <term name="column" form="short">col.</term>
    <term name="figure" form="short">fig.</term>
    <term name="folio" form="short">
      <single>fᵒ</single>
      <multiple>fᵒˢ</multiple>
    </term>
    <term name="issue" form="short">
      <single>nᵒ</single>
      <multiple>nᵒˢ</multiple>
    </term>
    <term name="line" form="short">l.</term>
    <term name="note" form="short">n.</term>
    <term name="opus" form="short">op.</term>
    <term name="page" form="short">
      <single>p.</single>
      <multiple>p.</multiple>
    </term>
    <term name="number-of-volumes" form="short">
      <single>vol.</single>
      <multiple>vols.</multiple>
    </term>
    <term name="page-first" form="short">
      <single>p.</single>
      <multiple>pp.</multiple>
    </term>
    <term name="printing" form="short">
      <single>print.</single>
      <multiple>prints.</multiple>
    </term>
    <term name="number-of-pages" form="short">
      <single>p.</single>
      <multiple>p.</multiple>
    </term>
    <term name="paragraph" form="short">paragr.</term>
    <term name="part" form="short">part.</term>
    <term name="section" form="short">sect.</term>
    <term name="supplement" form="short">
      <single>supp.</single>
      <multiple>supps.</multiple>
    </term>
    <term name="sub-verbo" form="short">
      <single>s.&#160;v.</single>
      <multiple>s.&#160;vv.</multiple>
    </term>
    <term name="verse" form="short">
      <single>v.</single>
      <multiple>v.</multiple>
    </term>
    <term name="volume" form="short">
      <single>vol.</single>
      <multiple>vol.</multiple>
    </term>
    <term name="paragraph" form="symbol">
      <single>§</single>
      <multiple>§</multiple>
    </term>
    <term name="chapter-number">
      <single>chapter</single>
      <multiple>chapters</multiple>
    </term>
    <term name="citation-number">
      <single>citation</single>
      <multiple>citations</multiple>
    </term>
    <term name="collection-number" gender="masculine">
      <single>numéro</single>
      <multiple>numéros</multiple>
    </term>
    <term name="section" form="symbol">
      <single>§</single>
      <multiple>§</multiple>
    </term>
    <term name="collection-editor">
      <single>ed.</single>
      <multiple>eds.</multiple>
    </term>
    <term name="chair">
      <single>président</single>
      <multiple>présidents</multiple>
    </term>
    <term name="compiler">
      <single>compilateur</single>
      <multiple>compilateurs</multiple>
    </term>
    <term name="contributor">
      <single>contributeur</single>
      <multiple>contributeurs</multiple>
    </term>
    <term name="curator">
      <single>commissaire</single>
      <multiple>commissaires</multiple>
    </term>
    <term name="executive-producer">
      <single>producteur exécutif</single>
      <multiple>producteurs exécutifs</multiple>
    </term>
    <term name="guest">
      <single>invité</single>
      <multiple>invités</multiple>
    </term>
    <term name="host">
      <single>hôte</single>
      <multiple>hôtes</multiple>
    </term>
    <term name="narrator">
      <single>narrateur</single>
      <multiple>narrateurs</multiple>
    </term>
    <term name="organizer">
      <single>organisateur</single>
      <multiple>organisateurs</multiple>
    </term>
    <term name="performer">
      <single>interprète</single>
      <multiple>interprètes</multiple>
    </term>
    <term name="producer">
      <single>producteur</single>
      <multiple>producteurs</multiple>
    </term>
    <term name="script-writer">
      <single>scénariste</single>
      <multiple>scénaristes</multiple>
    </term>
    <term name="series-creator">
      <single>créateur de série</single>
      <multiple>créateurs de série</multiple>
    </term>
    <term name="director">
      <single>réalisateur</single>
      <multiple>réalisateurs</multiple>
    </term>
    <term name="editor">
      <single>éditeur</single>
      <multiple>éditeurs</multiple>
    </term>
    <term name="editorial-director">
      <single>directeur</single>
      <multiple>directeurs</multiple>
    </term>
    <term name="illustrator">
      <single>illustrateur</single>
      <multiple>illustrateurs</multiple>
    </term>
    <term name="translator">
      <single>traducteur</single>
      <multiple>traducteurs</multiple>
    </term>
    <term name="editortranslator">
      <single>éditeur et traducteur</single>
      <multiple>éditeurs et traducteurs</multiple>
    </term>
    <term name="compiler" form="short">
      <single>compil.</single>
      <multiple>compil.</multiple>
    </term>
    <term name="contributor" form="short">
      <single>contrib.</single>
      <multiple>contrib.</multiple>
    </term>
    <term name="curator" form="short">
      <single>commiss.</single>
      <multiple>commiss.</multiple>
    </term>
    <term name="executive-producer" form="short">
      <single>prod. exé.</single>
      <multiple>prod. exé.</multiple>
    </term>
    <term name="narrator" form="short">
      <single>narr.</single>
      <multiple>narr.</multiple>
    </term>
    <term name="organizer" form="short">
      <single>org.</single>
      <multiple>org.</multiple>
    </term>
    <term name="performer" form="short">
      <single>interpr.</single>
      <multiple>interpr.</multiple>
    </term>
    <term name="producer" form="short">
      <single>prod.</single>
      <multiple>prod.</multiple>
    </term>
    <term name="script-writer" form="short">
      <single>scénar.</single>
      <multiple>scénar.</multiple>
    </term>
    <term name="series-creator" form="short">
      <single>créat.</single>
      <multiple>créat.</multiple>
    </term>
    <term name="director" form="short">
      <single>réal.</single>
      <multiple>réal.</multiple>
    </term>
    <term name="editor" form="short">
      <single>éd.</single>
      <multiple>éd.</multiple>
    </term>
    <term name="editorial-director" form="short">
      <single>dir.</single>
      <multiple>dir.</multiple>
    </term>
    <term name="illustrator" form="short">
      <single>ill.</single>
      <multiple>ill.</multiple>
    </term>
    <term name="translator" form="short">
      <single>trad.</single>
      <multiple>trad.</multiple>
    </term>
    <term name="editortranslator" form="short">
      <single>éd. et trad.</single>
      <multiple>éd. et trad.</multiple>
    </term>
    <term name="collection-editor" form="verb">edited by</term>
    <term name="chair" form="verb">présidé par</term>
    <term name="compiler" form="verb">compilé par</term>
    <term name="contributor" form="verb">avec</term>
    <term name="curator" form="verb">organisé par</term>
    <term name="executive-producer" form="verb">production exécutive par</term>
    <term name="guest" form="verb">avec pour invité</term>
    <term name="host" form="verb">animé par</term>
    <term name="narrator" form="verb">lu par</term>
    <term name="organizer" form="verb">organisé par</term>
    <term name="performer" form="verb">interprété par</term>
    <term name="producer" form="verb">produit par</term>
    <term name="script-writer" form="verb">scénario de</term>
    <term name="series-creator" form="verb">créé par</term>
    <term name="container-author" form="verb">par</term>
    <term name="director" form="verb">réalisé par</term>
    <term name="editor" form="verb">édité par</term>
    <term name="editorial-director" form="verb">sous la direction de</term>
    <term name="illustrator" form="verb">illustré par</term>
    <term name="interviewer" form="verb">entretien réalisé par</term>
    <term name="recipient" form="verb">à</term>
    <term name="reviewed-author" form="verb">par</term>
    <term name="collection-editor" form="verb-short">ed. by</term>
    <term name="translator" form="verb">traduit par</term>
    <term name="editortranslator" form="verb">édité et traduit par</term>
    <term name="compiler" form="verb-short">compil. par</term>
    <term name="contributor" form="verb-short">ac</term>
    <term name="curator" form="verb-short">org. par</term>
    <term name="executive-producer" form="verb-short">prod. exé. par</term>
    <term name="guest" form="verb-short">ac pr inv.</term>
    <term name="host" form="verb-short">anim. par</term>
    <term name="narrator" form="verb-short">lu par</term>
    <term name="organizer" form="verb-short">org. par</term>
    <term name="performer" form="verb-short">interpr. par</term>
    <term name="producer" form="verb-short">prod. par</term>
    <term name="script-writer" form="verb-short">scénar. de</term>
    <term name="series-creator" form="verb-short">créé par</term>
    <term name="director" form="verb-short">réal. par</term>
    <term name="editor" form="verb-short">éd. par</term>
    <term name="editorial-director" form="verb-short">ss la dir. de</term>
    <term name="illustrator" form="verb-short">ill. par</term>
    <term name="translator" form="verb-short">trad. par</term>
    <term name="editortranslator" form="verb-short">éd. et trad. par</term>
    <term name="month-01" gender="masculine">janvier</term>
    <term name="month-02" gender="masculine">février</term>
    <term name="month-03" gender="masculine">mars</term>
    <term name="month-04" gender="masculine">avril</term>
    <term name="month-05" gender="masculine">mai</term>
    <term name="month-06" gender="masculine">juin</term>
    <term name="month-07" gender="masculine">juillet</term>
    <term name="month-08" gender="masculine">août</term>
    <term name="month-09" gender="masculine">septembre</term>
    <term name="month-10" gender="masculine">octobre</term>
    <term name="month-11" gender="masculine">novembre</term>
    <term name="month-12" gender="masculine">décembre</term>
    <term name="month-01" form="short">janv.</term>
    <term name="month-02" form="short">févr.</term>
    <term name="month-03" form="short">mars</term>
    <term name="month-04" form="short">avr.</term>
    <term name="month-05" form="short">mai</term>
    <term name="month-06" form="short">juin</term>
    <term name="month-07" form="short">juill.</term>
    <term name="month-08" form="short">août</term>
    <term name="month-09" form="short">sept.</term>
    <term name="month-10" form="short">oct.</term>
    <term name="month-11" form="short">nov.</term>
    <term name="month-12" form="short">déc.</term>
    <term name="season-01">printemps</term>
    <term name="season-02">été</term>
    <term name="season-03">automne</term>
    <term name="season-04">hiver</term>
  </terms>
</locale>
`;
