// @vitest-environment node
// English equivalents of the seed article's sentences (../shared/seed), and canonical names.
import { recognize } from '@/lib/entities';

// The rules' reading of each sentence, every name whatever its confidence (the threshold that hides
// guesses by default is tested in entities-confidence.test.ts).
const show = (text: string) => recognize(text, 'en', 0).map((s) => `${s.type}:${s.text}${s.ticker ? `=${s.ticker.code}` : ''}`);

describe('English', () => {
  it('finds people, companies and places without their titles', () => {
    expect(
      show(
        'Samsung Electronics Chairman Lee Jae-yong met OpenAI CEO Sam Altman and SoftBank Group Chairman Masayoshi Son in Seoul on Tuesday.',
      ),
    ).toEqual([
      'org:Samsung Electronics=005930',
      'person:Lee Jae-yong',
      'org:OpenAI',
      'person:Sam Altman',
      'org:SoftBank Group',
      'person:Masayoshi Son',
      'place:Seoul',
      'date:Tuesday',
    ]);
  });

  it('links listed companies by name and short form, and finds the money', () => {
    expect(
      show('Stargate, backed by Oracle and Lockheed, will invest up to $500 billion (about 720 trillion won) over four years.'),
    ).toEqual(['org:Oracle=ORCL', 'org:Lockheed=LMT', 'money:$500 billion', 'money:720 trillion won']);
  });

  it('gives a later surname the full name as its canonical form', () => {
    const spans = recognize('Sam Altman visited Seoul. Altman said Korea matters.', 'en');
    const altman = spans.filter((s) => s.type === 'person');
    expect(altman.map((s) => s.canonical ?? s.text)).toEqual(['Sam Altman', 'Sam Altman']);
  });

  it('does not take sentence-initial words or nationalities for names', () => {
    expect(show('However, Korean firms said the deal was good.')).toEqual([]);
  });
});

describe('English names: what is not a name (UNER conventions)', () => {
  const names = (text: string) => show(text).filter((s) => /^(?:person|org|place):/.test(s));

  it('leaves out nationalities, hyphenated ones too, but keeps the place they go with', () => {
    expect(names('The Bavarian cavalry rode on toward Silesia.')).toEqual(['place:Silesia']);
    expect(names('The treaty angered the Franco-Spanish fleet.')).toEqual([]);
  });

  it('leaves out events, and a storm named in the text stays a storm', () => {
    expect(names('Hurricane Katrina hit New Orleans, and Katrina was a disaster.')).toEqual(['place:New Orleans']);
    expect(names('Diplomats met in Fallujah and Ramadi to discuss the Paris Agreement.')).toEqual([
      'place:Fallujah',
      'place:Ramadi',
    ]);
  });

  it('leaves out titles of works in quotation marks and domain names', () => {
    expect(names('They recorded “Walk On The Wild Side” at home.')).toEqual([]);
    expect(names('Posted via Example.Com today.')).toEqual([]);
  });
});

describe('English names: deciding the type', () => {
  const names = (text: string) => show(text).filter((s) => /^(?:person|org|place):/.test(s));

  it('takes a sentence-opening word for a name only when it is no common English word', () => {
    expect(names('Merkel will decline the offer.')).toEqual(['person:Merkel']);
    expect(names('Meanwhile, the wife of a senator launched her campaign.')).toEqual([]);
  });

  it('knows well-known organisations and places', () => {
    expect(names('Hamas has become unpopular in Gaza.')).toEqual(['org:Hamas', 'place:Gaza']);
  });

  it('reads a role or a kind of organisation before or after the name', () => {
    expect(names('Later the emperor Hadrian built a long wall.')).toEqual(['person:Hadrian']);
    expect(names('She joined software company Zentrix and opposed the ruling Likud party.')).toEqual([
      'org:Zentrix',
      'org:Likud',
    ]);
    expect(names('“It is a disaster,” said Guilbeault.')).toEqual(['person:Guilbeault']);
  });

  it('gives names listed together the type of the one it knows', () => {
    expect(names('Rivals such as Zorbly, Quintex and Microsoft cut prices.')).toEqual([
      'org:Zorbly',
      'org:Quintex',
      'org:Microsoft=MSFT',
    ]);
  });

  it('keeps particles in names and drops titles and nationalities in front of them', () => {
    expect(names('Sunni cleric Yusuf al-Qaradawi condemned bin Laden.')).toEqual([
      'person:Yusuf al-Qaradawi',
      'person:bin Laden',
    ]);
    expect(names('The loom was patented by Englishman Edmund Cartwright, and Egyptian President Anwar Sadat replied.')).toEqual([
      'person:Edmund Cartwright',
      'person:Anwar Sadat',
    ]);
  });

  it('reads regions of a country as the country, and a state code after a town as a place', () => {
    expect(names('Northern Algeria is temperate.')).toEqual(['place:Algeria']);
    expect(names('She lives near Smallville, KS with her dog.')).toEqual(['place:Smallville', 'place:KS']);
  });
});

describe('English names: evidence from the name, its neighbours and the sentence', () => {
  const names = (text: string) => show(text).filter((s) => /^(?:person|org|place):/.test(s));

  it('takes a whole name from the gazetteer before its last word ("West Bank" is no bank)', () => {
    expect(names('Farmers in the West Bank picked olives.')).toEqual(['place:West Bank']);
  });

  it('takes a given name that is also a common word for a first name before a surname ("Bill", "Rose")', () => {
    expect(names('On Monday the council heard Bill Okafor and Rose Lindgren on the budget.')).toEqual([
      'person:Bill Okafor',
      'person:Rose Lindgren',
    ]);
    expect(names('Pay the Bill today.')).toEqual([]);
  });

  it('reads a post in an organisation and an organisation known by its initials', () => {
    expect(names('“Aid is late,” said Maria Lindqvist, head of UN Habitat.')).toEqual([
      'person:Maria Lindqvist',
      'org:UN Habitat',
    ]);
    expect(names('“The doors are shut,” wrote Tom Weller, founder of Pixel Guild, in a post.')).toEqual([
      'person:Tom Weller',
      'org:Pixel Guild',
    ]);
  });

  it('takes the name before "administration" for the president', () => {
    expect(names('Aides of the Clinton administration objected.')).toEqual(['person:Clinton']);
  });

  it('reads principalities and republics as places', () => {
    expect(names('In 1199 the duchy grew into the state of Upper Lusatia and annexed the Principality of Orlova.')).toEqual([
      'place:Upper Lusatia',
      'place:Principality of Orlova',
    ]);
  });

  it('shares a type only across a list closed by "and" or "or", not across a comma alone', () => {
    expect(names('Eager to capture Antioch, Baldwin II marched at night.')).toEqual(['place:Antioch', 'person:Baldwin II']);
  });

  it('takes an unknown name for a place by its ending or an article before it', () => {
    expect(names('The army fell back on Flensburg.')).toEqual(['place:Flensburg']);
    expect(names('The Wachau has stayed in Austrian hands to this day.')).toEqual(['place:Wachau']);
  });
});

describe('English names: spans and agreement across the text', () => {
  const names = (text: string) => show(text).filter((s) => /^(?:person|org|place):/.test(s));

  it('cuts nationality and party words off the end of a name, and leaves nationalities with common words alone', () => {
    expect(names('Kentucky Democrats beat Gov. Matt Bevin in a state Trump won by 30 points.')).toEqual([
      'place:Kentucky',
      'person:Matt Bevin',
      'person:Trump',
    ]);
    expect(names('Interim Haitian leader Jovenel Pierre resigned.')).toEqual(['person:Jovenel Pierre']);
  });

  it('an organisation named in full makes its name without the ending that organisation', () => {
    const text = 'The carrier Zandora Airline bought 30 jets. Zandora President Tim Clark said Zandora had 270 aircraft.';
    expect(names(text).filter((s) => s.endsWith(':Zandora'))).toEqual(['org:Zandora', 'org:Zandora']);
  });

  it('takes the name before a hyphen and a common word', () => {
    expect(names('The U.S.-based firm hired Polish-style managers.')).toEqual(['place:U.S.']);
  });

  it('takes no plural initials or capitalised function words for organisations', () => {
    expect(names('Dealers sold several new small SUVs, and there IS a bar.')).toEqual([]);
  });

  it('gives every mention of a name the type most of the evidence says', () => {
    expect(names('He said WeWork needs a more efficient organization. The company WeWork grew.')).toEqual([
      'org:WeWork',
      'org:WeWork',
    ]);
  });

  it('reads a title before a name only when nothing stands between them', () => {
    expect(names('The Attorney General (NYAG) is investigating.')).toEqual(['org:NYAG']);
  });

  it('joins the legal form after a comma, and reads a town before a state as a place', () => {
    expect(names('Her salary now comes from Apple, Inc. of Cupertino, California.')).toEqual([
      'org:Apple, Inc.=AAPL',
      'place:Cupertino',
      'place:California',
    ]);
  });

  it('does not take a word after a bracket for a sentence opening', () => {
    expect(names('Colonies were sent west (Pithekoussae, Cumae) in that age.')).toEqual(['place:Pithekoussae', 'place:Cumae']);
  });

  it('reads a place noun after a name, and takes no currency abbreviation for a name', () => {
    expect(names('The mall is in Delhi’s Saket area and costs Rs 300.')).toEqual(['place:Delhi', 'place:Saket']);
  });

  it('takes a sentence-opening unknown word before a possessive for a name', () => {
    expect(names('Arafat ’s death creates a vacuum.')).toEqual(['person:Arafat']);
  });
});

describe('English names: class words and ruling houses', () => {
  const names = (text: string) => show(text).filter((s) => /^(?:person|org|place):/.test(s));

  it('types names by the class word before "such as" or after "and other"', () => {
    expect(names('Attacks took down websites such as Zorbly, Quintex and Plimbo.')).toEqual([
      'org:Zorbly',
      'org:Quintex',
      'org:Plimbo',
    ]);
    expect(names('Some historians, such as Dragoman and Wetherby, disagree.')).toEqual(['person:Dragoman', 'person:Wetherby']);
    expect(names('Velmora and other towns were rebuilt slowly.')).toEqual(['place:Velmora']);
  });

  it('takes a ruling house before "dynasty" for an organisation and an unknown name after "at" for a place', () => {
    expect(names('After the end of the Ming dynasty in 1644, Korea kept the old calendar.')).toEqual(['org:Ming', 'place:Korea']);
    expect(names('Medicine was studied at Salerno and later in Padua.')).toEqual(['place:Salerno', 'place:Padua']);
  });
});

describe('English names: spans of names', () => {
  const names = (text: string) => show(text).filter((s) => /^(?:person|org|place):/.test(s));

  it('joins "and" only inside organisations and names the gazetteer knows', () => {
    expect(names('Mount Elbrus and Mount Fuji draw climbers from East Asia.')).toEqual([
      'place:Mount Elbrus',
      'place:Mount Fuji',
      'place:East Asia',
    ]);
    expect(names('Trinidad and Tobago won, and Johnson & Johnson lost.')).toEqual([
      'place:Trinidad and Tobago',
      'org:Johnson & Johnson=JNJ',
    ]);
  });

  it('takes months that are given names into names, not dates', () => {
    expect(names('Prime Minister Theresa May met President Barack Obama in May 2016.')).toEqual([
      'person:Theresa May',
      'person:Barack Obama',
    ]);
    expect(names('Justin Trudeau and April Ryan arrived in June.')).toEqual(['person:Justin Trudeau', 'person:April Ryan']);
  });

  it('keeps the period of "Jr." and takes no Hangul word for a capitalised name', () => {
    expect(names('Martin Truex Jr. won the race.')).toEqual(['person:Martin Truex Jr.']);
    expect(names('사진을 SNS에 공개한다.')).toEqual([]);
  });

  it('reads "empire" after a ruling house', () => {
    expect(names('In 1613, he joined the court of the Romanov empire.')).toEqual(['org:Romanov']);
  });
});

describe('English names: heads, possessives, initials and display names', () => {
  const names = (text: string) => show(text).filter((s) => /^(?:person|org|place):/.test(s));

  it('reads the head before "of" and joins "People’s"', () => {
    expect(names('It lobbied the Recording Industry Association of Japan and the Russian Federation.')).toEqual([
      'org:Recording Industry Association of Japan',
      'place:Russian Federation',
    ]);
    expect(names('The delegates spoke for the People’s Republic of Bangladesh.')).toEqual([
      'place:People’s Republic of Bangladesh',
    ]);
  });

  it('splits "Margaret of Parma" into a person and a place', () => {
    expect(names('In 1492, the sailors wrote to the queen Isabella of Castile.')).toEqual(['person:Isabella', 'place:Castile']);
    expect(names('Frederick of Prussia was pleased with the treaty.')).toEqual(['person:Frederick', 'place:Prussia']);
  });

  it('keeps a first name that is also a faith, and an initial before a name', () => {
    expect(names('Christian Wolmar will stand.')).toEqual(['person:Christian Wolmar']);
    expect(names('Carter then appointed J. Harlan Bixby Moore to the bench.')).toEqual([
      'person:Carter',
      'person:J. Harlan Bixby Moore',
    ]);
  });

  it('does not join a gazetteer name to the next with "and"; cuts only cardinal directions off countries', () => {
    expect(names('After touring the Gaza Strip and Egypt, she wrote a book.')).toEqual(['place:Gaza Strip', 'place:Egypt']);
    expect(names('It lies in Lower Austria, not in Northern Algeria.')).toEqual(['place:Lower Austria', 'place:Algeria']);
  });

  it('takes an e-mail display name for a person', () => {
    expect(names('Email: "Nora Whitfield"<nwhitf...@example.org>')).toEqual(['person:Nora Whitfield']);
  });
});

describe('English names: what real articles hold besides people, organisations and places', () => {
  const names = (text: string) => show(text).filter((s) => /^(?:person|org|place):/.test(s));

  it('takes no craft, product or work for a person', () => {
    expect(names('NASA’s Galileo spacecraft and the Hubble Space Telescope saw an Olympic-size pool.')).toEqual(['org:NASA']);
  });

  it('takes a brand written with a capital inside for an organisation, not a person', () => {
    expect(names('The money came from investor SoftBank last year.')).toEqual(['org:SoftBank']);
    expect(names('The race went to Michael McDowell.')).toEqual(['person:Michael McDowell']);
  });

  it('reads people of a place as no name, and a state code after "in" as a place', () => {
    expect(names('Meth is a serious problem in SD, and South Dakotans and New Yorkers know it.')).toEqual(['place:SD']);
  });

  it('does not take a common word for a person by the verb after it, but does after "says"', () => {
    expect(names('The parent company, The We Company, announced a loss.')).toEqual([]);
    expect(names('“Did you notice this?” says Pall.')).toEqual(['person:Pall']);
  });
});

describe('English names: particles and web addresses', () => {
  const names = (text: string) => show(text).filter((s) => /^(?:person|org|place):/.test(s));

  it('does not take a name for a person only because it opens with "al-"', () => {
    expect(names('The U.S. will keep its base in al-Tanf, Polygraph.info has established.')).toEqual([
      'place:U.S.',
      'place:al-Tanf',
    ]);
    expect(names('Sunni cleric Yusuf al-Qaradawi condemned bin Laden, and al-Qaradawi wrote so.')).toEqual([
      'person:Yusuf al-Qaradawi',
      'person:bin Laden',
      'person:al-Qaradawi',
    ]);
  });

  it('takes no name before a key or a feature for a person', () => {
    expect(names('It has a physical Esc key.')).toEqual([]);
  });
});

describe('English names: lists opening a sentence, titles and initials of provinces', () => {
  const names = (text: string) => show(text).filter((s) => /^(?:person|org|place):/.test(s));

  it('types a name opening a sentence by the list it heads, whatever ending it has', () => {
    expect(names('Kessler, Ortmann and Brody ran the OECD.')).toEqual([
      'person:Kessler',
      'person:Ortmann',
      'person:Brody',
      'org:OECD',
    ]);
  });

  it('reads a province written with initials after "in"', () => {
    expect(names('Officials in N.J. confirmed the closure.')).toEqual(['place:N.J.']);
  });

  it('keeps "Prophet" in the name it is part of', () => {
    expect(names('The sermon recalled the Prophet Elijah at length.')).toEqual(['person:Prophet Elijah']);
  });
});

describe('English names: teams named after countries', () => {
  const names = (text: string) => show(text).filter((s) => /^(?:person|org|place):/.test(s));

  it('takes a country with a plural verb, "side" or after "beating" for its team, an organisation', () => {
    expect(names('New Zealand are still chasing a first title.')).toEqual(['org:New Zealand']);
    expect(names('Their best chance came after beating Wales in Cardiff.')).toEqual(['org:Wales', 'place:Cardiff']);
    expect(names('South Africa is a country.')).toEqual(['place:South Africa']);
  });
});

describe('English names: what reading articles turned up', () => {
  const names = (text: string) => show(text).filter((s) => /^(?:person|org|place):/.test(s));

  it('gives every mention of a name one type, guesses included', () => {
    const spans = show('The Zorvik fans cheered. Later the Zorvik arena was full, and Zorvik said so.').filter((s) =>
      s.includes('Zorvik'),
    );
    expect(new Set(spans.map((s) => s.split(':')[0])).size).toBe(1);
  });

  it('guesses nothing for an unknown plural after "the" (teams, bands, peoples)', () => {
    expect(names('Fans of the Sabres cheered.')).toEqual([]);
  });

  it('reads firm names ending in Design or Brothers, and "Attorney" as a title', () => {
    expect(names('The Doobie Brothers played; Peter Koros Design built it.')).toEqual([
      'org:Doobie Brothers',
      'org:Peter Koros Design',
    ]);
    expect(names('U.S. Attorney Nealy Cox spoke.')).toEqual(['place:U.S.', 'person:Nealy Cox']);
  });

  it('drops a role opening the sentence before a first name, and takes two common words written as one for no name', () => {
    expect(names('Defenseman Jonas Brodin scored. Rainfall was heavy.')).toEqual(['person:Jonas Brodin']);
    expect(names('Woodward said so.')).toEqual(['person:Woodward']);
  });

  it('splits a person "of" a country, as sports pages write who plays for it', () => {
    expect(names('Lena Hartmann of Germany beat Carlos Moreno of Argentina in the final.')).toEqual([
      'person:Lena Hartmann',
      'place:Germany',
      'person:Carlos Moreno',
      'place:Argentina',
    ]);
  });

  it('reads a firm named "… Animation" as an organisation', () => {
    expect(names('She left Brightwater Animation for a studio in Toronto.')).toEqual([
      'org:Brightwater Animation',
      'place:Toronto',
    ]);
  });

  it('splits a person "of" an organisation', () => {
    expect(names('“It rains methane,” said Rosaly Lopes of NASA, in California.')).toEqual([
      'person:Rosaly Lopes',
      'org:NASA',
      'place:California',
    ]);
  });
});

describe('English names: contractions, headings, units and titles after a country', () => {
  const names = (text: string) => show(text).filter((s) => /^(?:person|org|place):/.test(s));

  it('takes no contraction, heading in capitals or unit after a number for a name', () => {
    expect(names('There’ll be jam. Don’t worry.')).toEqual([]);
    expect(names('WHAT YOU NEED TO MAKE JAM')).toEqual([]);
    expect(names('It makes 400 Nm of torque.')).toEqual([]);
  });

  it('ends a name at a plural possessive, and reads "Town North" as a place', () => {
    expect(names('Wichita Heights’ Aidan Gantenbein won; Wichita North lost.')).toEqual([
      'place:Wichita Heights',
      'person:Aidan Gantenbein',
      'place:Wichita North',
    ]);
  });

  it('keeps the country out of a title before a name', () => {
    expect(names('“No deal,” said US Trade Representative Robert Lighthizer.')).toEqual(['place:US', 'person:Robert Lighthizer']);
  });
});

describe('English names: headlines, firms with "&", company endings', () => {
  const names = (text: string) => show(text).filter((s) => /^(?:person|org|place):/.test(s));

  it('reads a headline in title case without taking its common words for names', () => {
    expect(names('Dallas Gas Station Dies After Fire In Plano Apartment')).toEqual(['place:Dallas', 'place:Plano']);
    expect(names('Tim Cook, Marc Benioff And Alicia Keys Take The Stage')).toEqual([
      'person:Tim Cook',
      'person:Marc Benioff',
      'person:Alicia Keys',
    ]);
  });

  it('joins names with "&" into an organisation, and reads company endings and titles', () => {
    expect(names('Analysts at Frost & Sullivan agreed, said Zentrabank and the U.S. Treasury.')).toEqual([
      'org:Frost & Sullivan',
      'org:Zentrabank',
      'org:U.S. Treasury',
    ]);
    expect(names('Ombudsman Nadia Cruz spoke of the Nazis.')).toEqual(['person:Nadia Cruz']);
  });
});

describe('English names: sports', () => {
  const names = (text: string) => show(text).filter((s) => /^(?:person|org|place):/.test(s));

  it('takes a place with a plural for a team, and drops a position in capitals before a name', () => {
    expect(names('The Cleveland Browns beat the Pittsburgh Steelers, and CB Denzel Ward starred near the Florida Keys.')).toEqual(
      ['org:Cleveland Browns', 'org:Pittsburgh Steelers', 'person:Denzel Ward', 'place:Florida Keys'],
    );
    expect(names('The New York Yankees won.')).toEqual(['org:New York Yankees']);
  });
});

describe('English names: countries that speak, display names of common words', () => {
  const names = (text: string) => show(text).filter((s) => /^(?:person|org|place):/.test(s));

  it('keeps a country a place when it "says" something', () => {
    expect(names('He said that Israel said no.')).toEqual(['place:Israel']);
  });

  it('takes a display name of common words for no person', () => {
    expect(names('Email: "The Garden Club"<gardenc...@example.net>')).toEqual([]);
  });
});

describe('English names: a sentence-opening word the rest of the text names', () => {
  const names = (text: string) => show(text).filter((s) => /^(?:person|org|place):/.test(s));

  it('types a common word opening a sentence when another mention makes it a name', () => {
    expect(names('Oracle agreed on Monday. Shares of Oracle rose.')).toEqual(['org:Oracle=ORCL', 'org:Oracle=ORCL']);
    expect(names('Bush nominated Anderson. Critics of President Bush agreed.')).toEqual([
      'person:Bush',
      'person:Anderson',
      'person:Bush',
    ]);
    expect(names('Apple pie is tasty.')).toEqual([]);
  });
});
