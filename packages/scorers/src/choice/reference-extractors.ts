/**
 * Ports of the multiple-choice answer extractors of the reference harnesses (SCORING.md §5.2),
 * each reproducing its upstream rule, quirks included, so a Ladder number can be compared with
 * a published one. They are not what Ladder scores with by default (`extractChoice` is); they
 * exist for comparison and are checked against `mcq_extraction_vectors.json`.
 *
 * Return conventions follow upstream: `undefined` where upstream gives None, `''` where
 * upstream returns an empty string.
 */

const PYTHON_WHITESPACE = String.raw`[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]`;
const PYTHON_NON_WORD = String.raw`[^\p{L}\p{N}_]`;

/** Python's `str.strip()` with no arguments. */
function pythonStrip(text: string): string {
  return text.replace(new RegExp(`^${PYTHON_WHITESPACE}+|${PYTHON_WHITESPACE}+$`, 'gu'), '');
}

/** simple-evals `MULTILINGUAL_ANSWER_REGEXES` (common.py), in order. */
const SIMPLE_EVALS_ANSWER_REGEXES = [
  String.raw`Answer\s*:`,
  String.raw`Answer\s*:\u200b\u200b\u200b\u200b\u200b\u200b`, // upstream: "Korean invisible character"
  String.raw`উত্তর\s*:`,
  String.raw`उत्तर\s*:`,
  String.raw`উত্তরঃ`,
  String.raw`উত্তর\s*:`,
  String.raw`Antwort\s*:`,
  String.raw`답변\s*:`,
  String.raw`정답\s*:`,
  String.raw`답\s*:`,
  String.raw`答案\s*：`,
  String.raw`答案\s*:`,
  String.raw`答\s*：`,
  String.raw`答\s*:`,
  String.raw`答复\s*：`,
  String.raw`答曰\s*：`,
  'الإجابة:',
  'الجواب:',
  'إجابة:',
  'الإجابة النهائية:',
  'الإجابة الصحيحة:',
  'الإجابة الصحيحة هي:',
  'الإجابة هي:',
  'الجواب النهائي:',
  String.raw`Respuesta\s*:`,
  String.raw`Risposta\s*:`,
  String.raw`答え\s*:`,
  String.raw`答え\s*：`,
  String.raw`回答\s*:`,
  String.raw`回答\s*：`,
  String.raw`解答\s*:`,
  String.raw`Jawaban\s*:`,
  String.raw`Réponse\s*:`,
  String.raw`Resposta\s*:`,
  String.raw`Jibu\s*:`,
  String.raw`Idahun\s*:`,
  String.raw`Ìdáhùn\s*:`,
  String.raw`Idáhùn\s*:`,
  String.raw`Àmọ̀nà\s*:`,
  String.raw`Àdáhùn\s*:`,
  String.raw`Ànúgọ\s*:`,
  String.raw`Àṣàyàn\s*:`,
];

/** simple-evals `normalize_response`: strips markdown and LaTeX wrappers. */
function simpleEvalsNormalizeResponse(response: string): string {
  const removals = ['**', '$\\boxed{', '}$', '\\$', '$\\text{', '$', '\\mathrm{', '\\{', '\\text', '\\(', '\\mathbf{', '{', '\\boxed'];
  return removals.reduce((text, removal) => text.split(removal).join(''), response);
}

/** simple-evals `normalize_extracted_answer`: Arabic, Bengali and full-width letters to Latin. */
function simpleEvalsNormalizeExtracted(answer: string): string {
  const map: Record<string, string> = { 'أ': ' A', 'ب': ' B', 'ج': ' C', 'د': ' D', 'অ': ' A', 'ব': ' B', 'ড': ' C', 'ঢ': ' D', 'Ａ': ' A', 'Ｂ': ' B', 'Ｃ': ' C', 'Ｄ': ' D' };
  return pythonStrip([...answer].map((character) => map[character] ?? character).join(''));
}

/**
 * simple-evals MMLU (`mmlu_eval.py`): the first multilingual "Answer:" regex that matches, then the
 * letter right after it. Case-insensitive, so a lowercase letter is captured (and later fails `==`).
 */
export function simpleEvalsMmluExtract(response: string): string | undefined {
  const text = simpleEvalsNormalizeResponse(response);
  for (const answerRegex of SIMPLE_EVALS_ANSWER_REGEXES) {
    const pattern = new RegExp(`${answerRegex}[ \\t]*([A-D]|[أ-د]|[অ]|[ব]|[ড]|[ঢ]|[Ａ]|[Ｂ]|[Ｃ]|[Ｄ])`, 'iu');
    const match = pattern.exec(text);
    if (match?.[1] !== undefined) return simpleEvalsNormalizeExtracted(match[1]);
  }
  return undefined;
}

/** simple-evals GPQA `ANSWER_PATTERN_MULTICHOICE`, on the raw response. */
export function simpleEvalsGpqaExtract(response: string): string | undefined {
  return /Answer[ \t]*:[ \t]*\$?([A-D])\$?/iu.exec(response)?.[1];
}

/** OpenCompass `first_capital_postprocess`: the first character for which Python's `isupper()` holds. */
export function opencompassFirstCapital(text: string): string {
  for (const character of text) {
    if (character !== character.toLowerCase() && character === character.toUpperCase()) return character;
  }
  return '';
}

function escapeClass(options: string): string {
  return options.replace(/[\\\]^-]/g, '\\$&');
}

/**
 * OpenCompass `first_option_postprocess(text, options, cushion=True)` (text_postprocessors.py @
 * a5acc4bb): 50 listed patterns, of which the missing comma after `故选?\s*(...)` glues two into
 * one (reproduced here), then the cushion patterns. For each, `re.search(p, text.strip(), DOTALL)`;
 * the first option letter inside group(1) (or group(0) when group(1) is empty) wins. A
 * group(1) without any option letter (e.g. the whitespace of `(\s|^)`) moves on to the next pattern.
 */
export function opencompassFirstOption(text: string, options = 'ABCD', cushion = true): string {
  const o = `[${escapeClass(options)}]`;
  const patterns: Array<[string, string?]> = [
    [String.raw`答案是?\s*(${o})`],
    [String.raw`答案是?\s*：\s*(${o})`],
    [String.raw`答案是?\s*:\s*(${o})`],
    [String.raw`答案选项应?该?是\s*(${o})`],
    [String.raw`答案选项应?该?为\s*(${o})`],
    [String.raw`答案应该?是\s*(${o})`],
    [String.raw`答案应该?选\s*(${o})`],
    [String.raw`答案选项为?\s*：\s*(${o})`],
    [String.raw`答案选项为?\s+\(?\*?\*?(${o})\*?\*?\)?`],
    [String.raw`答案选项是?\s*:\s*(${o})`],
    [String.raw`答案为\s*(${o})`],
    [String.raw`答案选\s*(${o})`],
    [String.raw`选择?\s*(${o})`],
    // Upstream's missing comma: '故选?\s*([...])' 'only ... 是?对' are one regex.
    [String.raw`故选?\s*(${o})只有选?项?\s?(${o})\s?是?对`],
    [String.raw`只有选?项?\s?(${o})\s?是?错`],
    [String.raw`只有选?项?\s?(${o})\s?不?正确`],
    [String.raw`只有选?项?\s?(${o})\s?错误`],
    [String.raw`说法不?对选?项?的?是\s?(${o})`],
    [String.raw`说法不?正确选?项?的?是\s?(${o})`],
    [String.raw`说法错误选?项?的?是\s?(${o})`],
    [String.raw`(${o})\s?是正确的`],
    [String.raw`(${o})\s?是正确答案`],
    [String.raw`选项\s?(${o})\s?正确`],
    [String.raw`所以答\s?(${o})`],
    [String.raw`所以\s?(${o}[.。$]?$)`],
    [String.raw`所有\s?(${o}[.。$]?$)`],
    [String.raw`[\s，：:,](${o})[。，,\.]?$`],
    [String.raw`[\s，,：:][故即](${o})[。\.]?$`],
    [String.raw`[\s，,：:]因此(${o})[。\.]?$`],
    [String.raw`[是为。]\s?(${o})[。\.]?$`],
    [String.raw`因此\s?(${o})[。\.]?$`],
    [String.raw`显然\s?(${o})[。\.]?$`],
    [String.raw`答案是\s?(\S+)(?:。|$)`],
    [String.raw`答案应该是\s?(\S+)(?:。|$)`],
    [String.raw`答案为\s?(\S+)(?:。|$)`],
    [String.raw`ANSWER\s*:\s*(${o})`, 'i'],
    [String.raw`[Tt]he answer is:?\s+\(?(${o})\)?`],
    [String.raw`[Tt]he answer is:?\s+\(?\*?\*?(${o})\*?\*?\)?`],
    [String.raw`[Tt]he answer is option:?\s+\(?(${o})\)?`],
    [String.raw`[Tt]he correct answer is:?\s+\(?(${o})\)?`],
    [String.raw`[Tt]he correct answer is option:?\s+\(?(${o})\)?`],
    [String.raw`[Tt]he correct answer is:?.*?boxed\{(${o})\}`],
    [String.raw`[Tt]he correct option is:?.*?boxed\{(${o})\}`],
    [String.raw`[Tt]he correct answer option is:?.*?boxed\{(${o})\}`],
    [String.raw`[Tt]he answer to the question is:?\s+\(?(${o})\)?`],
    [String.raw`^选项\s?(${o})`],
    [String.raw`^(${o})\s?选?项`],
    [String.raw`(\s|^)${o}[\s。，,：:\.$]`],
    [String.raw`1.\s?(.*?)$`],
    [String.raw`1.\s?(${o})[.。$]?$`],
  ];
  if (cushion) patterns.push([`(${o}):`], [`(${o})`]);
  const stripped = pythonStrip(text);
  for (const [source, flags = ''] of patterns) {
    const match = new RegExp(source, `su${flags}`).exec(stripped);
    if (!match) continue;
    const outputs = match[1] !== undefined && match[1] !== '' ? match[1] : match[0];
    for (const option of options) if (outputs.includes(option)) return option;
  }
  return '';
}

/** OpenCompass `mmlu_openai_simple_evals_gen_b618ea`: `(?i)ANSWER\s*:\s*([A-D])`, '' when absent. */
export function opencompassMmluSimpleEvalsExtract(text: string): string {
  return /ANSWER\s*:\s*([A-D])/iu.exec(text)?.[1] ?? '';
}

/** OpenCompass `cmmlu_0shot_cot_gen_305931`: `(?i)答案\s*:\s*[\W]*([A-D])[\W]*`, '' when absent. */
export function opencompassCmmluCotExtract(text: string): string {
  return new RegExp(String.raw`答案\s*:\s*${PYTHON_NON_WORD}*([A-D])${PYTHON_NON_WORD}*`, 'iu').exec(text)?.[1] ?? '';
}

export interface CmmluExtractOptions {
  /** Upstream falls back to `choices[random.randint(0, 3)]`; inject the draw to make it reproducible. */
  fallback?: () => string;
}

/**
 * CMMLU official `extract_choice` (src/mp_utils.py): always returns a letter. First character,
 * 12 single-match patterns, 2 recursive ones (the last nested match wins), `[^不]是`, a response
 * mentioning exactly one letter, and otherwise a random letter (`fallback`).
 */
export function cmmluExtractChoice(response: string, options: CmmluExtractOptions = {}): string {
  const choices = ['A', 'B', 'C', 'D'];
  const first = response[0];
  if (first !== undefined && choices.includes(first)) return first;
  const single: Array<[RegExp, number]> = [
    [/答案(选项)?(是|为)：? ?([ABCD])/mu, 3],
    [/答案(是|为)选项 ?([ABCD])/mu, 2],
    [/故?选择?：? ?([ABCD])/mu, 1],
    [/([ABCD]) ?选?项(是|为)?正确/mu, 1],
    [/正确的?选项(是|为) ?([ABCD])/mu, 2],
    [/答案(应该)?(是|为)([ABCD])/mu, 3],
    [/选项 ?([ABCD]) ?(是|为)?正确/mu, 1],
    [/选择答案 ?([ABCD])/mu, 1],
    [/答案?：?([ABCD])/mu, 1],
    [/([ABCD])(选?项)?是?符合题意/mu, 1],
    [/答案选项：? ?([ABCD])/mu, 1],
    [/答案(选项)?为(.*?)([ABCD])/mu, 3],
  ];
  for (const [pattern, group] of single) {
    const answer = pattern.exec(response)?.[group];
    if (answer !== undefined) return answer;
  }
  for (const pattern of [/([ABCD])(.*?)当选/mu, /([ABCD])(.*?)正确/mu]) {
    let match = pattern.exec(response);
    if (!match) continue;
    let answer = match[1] as string;
    while (match) {
      answer = match[1] as string;
      match = pattern.exec(match[0].slice(1));
    }
    return answer;
  }
  const weak = /[^不]是：? ?([ABCD])/mu.exec(response)?.[1];
  if (weak !== undefined) return weak;
  const only = /^[^ABCD]*([ABCD])[^ABCD]*$/u.exec(response)?.[1];
  if (only !== undefined) return only;
  return options.fallback ? options.fallback() : (choices[Math.floor(Math.random() * 4)] as string);
}

/**
 * C-Eval official `extract_ans` (chatgpt.py, zero-shot non-CoT) followed by `ans_list[-1]`: the
 * stripped response's first character when it is A-D, else the last hit of the first of 17
 * patterns with hits. An empty response, or no hit, gives undefined (scored 0 upstream).
 */
export function cevalExtractAnswer(response: string): string | undefined {
  const text = pythonStrip(response);
  if (text.length === 0) return undefined;
  const first = text[0] as string;
  if ('ABCD'.includes(first)) return first;
  const patterns = [
    String.raw`^选([A-D])`,
    String.raw`^选项([A-D])`,
    String.raw`答案是\s?选?项?\s?([A-D])`,
    String.raw`答案为\s?选?项?\s?([A-D])`,
    String.raw`答案应为\s?选?项?\s?([A-D])`,
    String.raw`答案选\s?选?项?\s?([A-D])`,
    String.raw`答案是:\s?选?项?\s?([A-D])`,
    String.raw`答案应该是:\s?选?项?\s?([A-D])`,
    String.raw`正确的一项是\s?([A-D])`,
    String.raw`答案为:\s?选?项?\s?([A-D])`,
    String.raw`答案应为:\s?选?项?\s?([A-D])`,
    String.raw`答案:\s?选?项?\s?([A-D])`,
    String.raw`答案是：\s?选?项?\s?([A-D])`,
    String.raw`答案应该是：\s?选?项?\s?([A-D])`,
    String.raw`答案为：\s?选?项?\s?([A-D])`,
    String.raw`答案应为：\s?选?项?\s?([A-D])`,
    String.raw`答案：\s?选?项?\s?([A-D])`,
  ];
  for (const source of patterns) {
    const hits = [...text.matchAll(new RegExp(source, 'gu'))].map((match) => match[1] as string);
    if (hits.length > 0) return hits[hits.length - 1];
  }
  return undefined;
}

/**
 * lm-eval `mmlu_generative` filter chain: first line (`^(.*?)(?=\n|$)`), leading whitespace
 * removed, trailing whitespace removed (`^(.*?)\s*$`), first response. Returns the filtered
 * string; lm-eval then compares it with the letter by exact match ignoring case and punctuation.
 */
export function lmEvalMmluGenerativeFilter(response: string): string {
  const firstLine = /^(.*?)(?=\n|$)/u.exec(response)?.[1] ?? '';
  return firstLine.replace(/^\s+/u, '').replace(/\s+$/u, '');
}
