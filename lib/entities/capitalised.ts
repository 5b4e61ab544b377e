// Names in languages we have no recognizer for, where the script has case (Latin, Cyrillic, Greek…):
// runs of capitalised words that do not start a sentence (or are two words or more), joined by the
// particles names use (de, von, van, al-, di…). The type comes from words around the name: a title
// before it (Herr, Mme, Sr., г-н) makes a person, a legal or institutional word an organisation, a
// geographic word a place; otherwise a run of two or three words is taken as a person.
import type { RawSpan } from '@/lib/entities/patterns';

const CONNECT = '(?:de|da|do|dos|das|del|della|di|du|des|la|le|van|von|der|den|ten|al|el|bin|y|e|und|et|of|&)';
const WORD = String.raw`\p{Lu}[\p{Ll}\p{Lu}'’\-]*\p{Ll}[\p{Ll}'’\-]*|\p{Lu}{2,6}`;
const RUN = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${WORD})(?:\s(?:${CONNECT}\s)?(?:${WORD}))*`, 'gu');

const ORG =
  /(?:^|\s)(?:GmbH|AG|SA|S\.A\.|SpA|S\.p\.A\.|SE|NV|N\.V\.|BV|Srl|SARL|SAS|AB|ASA|Oy|Oyj|Ltd|Inc|Corp|LLC|Universit\S*|Univerzit\S*|Universidad|Universidade|Hochschule|Institut\S*|Ministeri\S*|Minist[eè]re|Bank|Banco|Banque|Partei|Partido|Parti|Gruppe|Grupo|Groupe|Stiftung|Fundaci[oó]n|Fondation|Verband|Vereinigung|Gesellschaft|Compañía|Société|Komitee|Comit[eé]|Agentur|Agencia|Agence|Zeitung|Gazeta|Tribunal|Gericht|Parlament\S*|Kommission|Comisi[oó]n|Commission)(?:\s|$)/u;
const LEGAL_END =
  /(?<=\s)(?:GmbH|AG|SA|S\.A\.|SpA|S\.p\.A\.|SE|NV|N\.V\.|BV|Srl|SARL|SAS|AB|ASA|Oy|Oyj|Ltd|Inc|Corp|LLC|PLC|plc)(?=\s|$)/gu;
const PLACE =
  /(?:^|\s)(?:Stadt|Straße|Strasse|Platz|Fluss|See|Berg|Insel|Ciudad|Calle|Plaza|R[ií]o|Lago|Monte|Isla|Ville|Rue|Place|Fleuve|Lac|Mont|[ÎI]le|Città|Via|Piazza|Fiume|Provin\S*|Region|Regi[oó]n|Région|Kreis|Distrito|District)(?:\s|$)/u;
const TITLE =
  /(?:Herr|Frau|Dr|Prof|M|Mme|Mlle|Sr|Sra|Srta|Don|Doña|Dom|Sig|Sig\.ra|Signor|Signora|Pan|Pani|г-н|г-жа|господин|госпожа)\.?\s$/u;
const PLACE_BEFORE = /(?:^|\s)(?:in|im|nach|aus|bei|en|à|au|aux|de|desde|hacia|a|da|dal|nel|a|em|no|na|w|we|z|в|во|из|на)\s$/u;
// Words that open sentences or are capitalised for grammar (German nouns are handled by needing two words).
const STOP =
  /^(?:Der|Die|Das|Ein|Eine|Le|La|Les|Un|Une|El|Los|Las|Il|Lo|Gli|O|A|Os|As|De|Het|Een|En|Et|Und|Y|E|Im|In|Am|Au|Dans|Pour|Para|Per|Mit|Von|Bei)$/;

export function recognizeCapitalised(text: string): RawSpan[] {
  const out: RawSpan[] = [];
  for (const m of text.matchAll(RUN)) {
    let start = m.index;
    let name = m[0];
    // Drop a leading article or preposition that is capitalised only because it opens the sentence.
    const firstSpace = name.indexOf(' ');
    if (firstSpace > 0 && STOP.test(name.slice(0, firstSpace))) {
      start += firstSpace + 1;
      name = name.slice(firstSpace + 1);
    }
    // A company's legal form ends its name: "Deutsche Bank AG Gewinne" → "Deutsche Bank AG".
    const legal = [...name.matchAll(LEGAL_END)].pop();
    if (legal) name = name.slice(0, legal.index + legal[0].length);
    const before = text.slice(Math.max(0, start - 16), start);
    const sentenceStart = /(?:^|[.!?:]\s+|["“«„]\s*|\n\s*)$/u.test(before);
    const words = name.split(/\s+/).length;
    if (STOP.test(name) || (sentenceStart && words < 2)) continue;
    // German capitalises every noun: a single capitalised word there is no evidence of a name.
    const type: RawSpan['type'] | null = ORG.test(name)
      ? 'org'
      : PLACE.test(name)
        ? 'place'
        : TITLE.test(before)
          ? 'person'
          : PLACE_BEFORE.test(before) && words <= 2
            ? 'place'
            : /^\p{Lu}{2,6}$/u.test(name)
              ? 'org'
              : words >= 2 && words <= 4
                ? 'person'
                : null;
    if (type) out.push({ start, end: start + name.length, type });
  }
  return out;
}
