/**
 * Tokens of the LaTeX math grammar Math-Verify parses with (latex2sympy2_extended's PS.g4 lexer):
 * at each position the longest match wins, ties go to the rule listed first; whitespace, spacing
 * commands and `\$` are skipped. An unknown character or command is a lexing error (the whole parse
 * then fails, as upstream's error listener raises).
 */
export interface Token {
  type: string;
  text: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/gu, '\\$&');
const literal = (...texts: string[]) => texts.map(escape).join('|');

const GREEK = [
  'alpha', 'beta', 'gamma', 'Gamma', 'delta', 'Delta', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta', 'Theta', 'vartheta',
  'iota', 'kappa', 'lambda', 'Lambda', 'mu', 'nu', 'xi', 'Xi', 'omicron', 'pi', 'Pi', 'varpi', 'rho', 'varrho', 'sigma', 'Sigma',
  'varsigma', 'tau', 'upsilon', 'Upsilon', 'phi', 'Phi', 'varphi', 'chi', 'psi', 'Psi', 'omega', 'Omega',
];
/** Greek letters written as Unicode characters, with their names. */
export const GREEK_CHARACTERS: Record<string, string> = {
  α: 'alpha', β: 'beta', γ: 'gamma', Γ: 'Gamma', δ: 'delta', Δ: 'Delta', ε: 'epsilon', ϵ: 'varepsilon', ζ: 'zeta', η: 'eta',
  θ: 'theta', Θ: 'Theta', ϑ: 'vartheta', ι: 'iota', κ: 'kappa', λ: 'lambda', Λ: 'Lambda', μ: 'mu', ν: 'nu', ξ: 'xi', Ξ: 'Xi',
  ο: 'omicron', π: 'pi', Π: 'Pi', ϖ: 'varpi', ρ: 'rho', ϱ: 'varrho', σ: 'sigma', Σ: 'Sigma', ς: 'varsigma', τ: 'tau', υ: 'upsilon',
  Υ: 'Upsilon', φ: 'phi', Φ: 'Phi', ϕ: 'varphi', χ: 'chi', ψ: 'psi', Ψ: 'Psi', ω: 'omega', Ω: 'Omega',
};
const OTHER_SYMBOLS = [
  'Bbbk', 'wp', 'nabla', 'bigstar', 'angle', 'nexists', 'diagdown', 'measuredangle', 'eth', 'diagup', 'sphericalangle', 'clubsuit',
  'varnothing', 'Diamond', 'complement', 'diamondsuit', 'imath', 'Finv', 'triangledown', 'heartsuit', 'jmath', 'Game', 'triangle',
  'spadesuit', 'ell', 'hbar', 'vartriangle', 'hslash', 'blacklozenge', 'lozenge', 'blacksquare', 'mho', 'blacktriangle', 'sharp',
  'prime', 'Im', 'flat', 'square', 'backprime', 'Re', 'natural', 'surd', 'circledS',
];
const ACCENTS = [
  'acute', 'bar', 'overline', 'breve', 'check', 'widecheck', 'dot', 'ddot', 'grave', 'hat', 'tilde', 'widetilde', 'vec',
  'overrightarrow', 'bm', 'boldsymbol', 'text', 'textit', 'textbf', 'textnormal', 'mathbb', 'mathbin', 'mathbf', 'mathcal',
  'mathclap', 'mathclose', 'mathellipsis', 'mathfrak', 'mathinner', 'mathit', 'mathnormal', 'mathop', 'mathopen', 'mathord',
  'mathpunct', 'mathrel', 'mathring', 'mathrlap', 'mathrm', 'mathscr', 'mathsf', 'mathsterling', 'mathtt', 'mbox',
];
const commands = (...names: string[]) => names.map((name) => `\\\\${name}`).join('|');
const NUMBER = String.raw`(?:\d*\.\d+|\d+)`;

/**
 * [type, pattern]; 'skip' tokens are dropped. Order = priority on equal length. Within a pattern,
 * alternatives that are prefixes of others come last (a JavaScript alternation takes the first that
 * matches, ANTLR the longest).
 */
const RULES: Array<[string, string]> = [
  // literals used directly in parser rules come first in ANTLR
  ['TRANSPOSE', literal('^T', '^{T}', '^{\\top}', "'")],
  ['DEGREE', literal('^\\circle', '^\\circ', '^\\degree', '^°', '^{\\circ}', '^{\\degree}', '^{\\circle}', '^{°}')],
  ['skip', String.raw`[ \t\r\n]+`],
  ['skip', String.raw`\\,|\\thinspace|\\:|\\medspace|\\;|\\thickspace|\\quad|\\qquad|\\!|\\negthinspace|\\negmedspace|\\negthickspace|\\\$`],
  ['skip', commands('vrule', 'vcenter', 'vbox', 'vskip', 'vspace', 'hfil')],
  ['ADD', '[+∔⊕⊞]'],
  ['SUB', '[-−∸]'],
  ['MUL', '[*×⋅⋄⊡∗⋆∘∙⊗⊠⋈⋉⋊]'],
  ['DIV', String.raw`[/÷∕]|\\over`],
  ['L_PAREN', String.raw`\(`], ['R_PAREN', String.raw`\)`],
  ['L_PAREN_VISUAL', String.raw`\\\(`], ['R_PAREN_VISUAL', String.raw`\\\)`],
  ['L_GROUP', String.raw`\\lgroup`], ['R_GROUP', String.raw`\\rgroup`],
  ['L_BRACE', '\\{'], ['R_BRACE', '\\}'],
  ['L_BRACE_VISUAL', String.raw`\\\{`], ['R_BRACE_VISUAL', String.raw`\\\}`],
  ['L_BRACE_CMD', String.raw`\\lbrace`], ['R_BRACE_CMD', String.raw`\\rbrace`],
  ['L_BRACKET', String.raw`\[`], ['R_BRACKET', String.raw`\]`],
  ['L_BRACK', String.raw`\\lbrack`], ['R_BRACK', String.raw`\\rbrack`],
  ['PHANTOM_CMD', String.raw`\\phantom`], ['BOXED_CMD', String.raw`\\boxed`],
  ['BAR', String.raw`\|`], ['L_VERT', String.raw`\\lvert`], ['R_VERT', String.raw`\\rvert`], ['VERT', String.raw`\\vert`],
  ['NORM', String.raw`\\\|`],
  ['L_ANGLE', String.raw`\\langle`], ['R_ANGLE', String.raw`\\rangle`],
  ['L_FLOOR', String.raw`\\lfloor`], ['R_FLOOR', String.raw`\\rfloor`], ['LL_CORNER', String.raw`\\llcorner`], ['LR_CORNER', String.raw`\\lrcorner`],
  ['L_CEIL', String.raw`\\lceil`], ['R_CEIL', String.raw`\\rceil`], ['UL_CORNER', String.raw`\\ulcorner`], ['UR_CORNER', String.raw`\\urcorner`],
  ['FUNC_LIM', String.raw`\\lim`],
  ['LIM_APPROACH_SYM', String.raw`\\to|\\rightarrow|\\Rightarrow|\\longrightarrow|\\Longrightarrow`],
  ['FUNC_INT', String.raw`\\int`], ['FUNC_SUM', String.raw`\\sum`], ['FUNC_PROD', String.raw`\\prod`],
  ['FUNC_SINGLE', String.raw`\\(?:arcsinh|arccosh|arctanh|arsinh|arcosh|artanh|arcsin|arccos|arctan|arccsc|arcsec|arccot|sinh|cosh|tanh|log|ln|exp|sin|cos|tan|csc|sec|cot)`],
  ['FUNC_GAMMA', String.raw`\\Gamma|\\gamma`],
  ['OPERATOR_NAME_SINGLE', 'arsinh|arcsinh|arcosh|arccosh|artanh|arctanh'],
  ['OPERATOR_NAME_MULTI', 'gcd|lcm'],
  ['OPERATOR_NAME_SINGLE', 'floor|ceil'],
  ['FUNC_SQRT', String.raw`\\sqrt`],
  ['FUNC_MULTI', String.raw`\\gcd|\\lcm`],
  ['FUNC_SINGLE', String.raw`\\floor|\\ceil`],
  ['FUNC_MULTI', String.raw`\\max|\\min`],
  ['FUNC_SINGLE', String.raw`\\det`],
  ['OPERATOR_NAME_SINGLE', 'eye'], ['OPERATOR_NAME_MULTI', 'zeros|ones'], ['OPERATOR_NAME_SINGLE', 'cols|rows'],
  ['OPERATOR_NAME_MULTI', 'diag'], ['OPERATOR_NAME_SINGLE', 'norm|rank|trace|tr|rref'], ['OPERATOR_NAME_MULTI', 'hstack|vstack|orthogonalize|orthogonal|ortho|orth'],
  ['OPERATOR_NAME_SINGLE', 'nullspace|eigenvalues|eigenvals|eigenvectors|eigenvects|eigen|eig|diagonalize|svd|SVD'],
  ['CMD_TIMES', String.raw`\\times`], ['CMD_CDOT', String.raw`\\cdot`], ['CMD_DIV', String.raw`\\div`],
  ['CMD_FRAC', String.raw`\\frac|\\dfrac|\\tfrac|\\cfrac`], ['CMD_BINOM', String.raw`\\binom|\\tbinom|\\dbinom`],
  ['CMD_CHOOSE', String.raw`\\choose`], ['CMD_MOD', String.raw`\\mod`], ['CMD_MATHIT', String.raw`\\mathit`],
  ['CMD_OPERATORNAME', String.raw`\\operatorname`],
  ['MATRIX_TYPE', 'matrix|pmatrix|bmatrix|vmatrix'],
  ['CMD_MATRIX_START', String.raw`\\begin\{(?:matrix|pmatrix|bmatrix)\}`], ['CMD_MATRIX_END', String.raw`\\end\{(?:matrix|pmatrix|bmatrix)\}`],
  ['CMD_MATRIX_START', String.raw`\\begin\{array\}\{[clr]*\}`], ['CMD_MATRIX_END', String.raw`\\end\{array\}`],
  ['CMD_DET_START', String.raw`\\begin\{vmatrix\}`], ['CMD_DET_END', String.raw`\\end\{vmatrix\}`],
  ['MATRIX_DEL_COL', '&'], ['MATRIX_DEL_ROW', String.raw`\\\\`],
  ['UNDERSCORE', '_'], ['CARET', String.raw`\^`], ['COLON', ':'], ['SEMICOLON', ';'], ['COMMA', ','], ['PERIOD', String.raw`\.`],
  ['DIFFERENTIAL', String.raw`d[ \t\r\n]*?(?:[a-zA-Z]|\\[a-zA-Z]+)`],
  ['EXP_E', String.raw`e|\\exponentialE`], ['E_NOTATION_E', 'E'], ['LETTER_NO_E', '[a-df-zA-DF-Z]'],
  ['MATRIX_XRIGHTARROW', String.raw`\\xrightarrow|\\xRightarrow`],
  ['TRANSFORM_EXCHANGE', String.raw`<->|<=>|\\leftrightarrow|\\Leftrightarrow`],
  ['NUMBER', NUMBER],
  ['E_NOTATION', `${NUMBER}E[-+]?\\d+`],
  ['IN', String.raw`\\in`],
  ['ASSIGNMENT', '[=≡≣≟≎≏≐≑≒≓≔≕≖≗]'],
  ['EQUAL', String.raw`==|\\equiv`],
  ['APPROX', String.raw`~=|[≈≊≋≃≅]|\\approx`],
  ['LT', String.raw`[<≪≺⋖]|\\lt`],
  ['LTE', String.raw`\\leqslant|\\leq|\\le|[≤≦≲≾]|<=`],
  ['GT', String.raw`[>≫≻⋗]|\\gt`],
  ['GTE', String.raw`\\geqslant|\\geq|\\ge|[≥≧≳≿]|>=`],
  ['UNEQUAL', String.raw`!==|!=|\\neq|\\ne|\\not\\equiv|[≠≁≄≇≉≢]`],
  ['BANG', '!'],
  ['PERCENT_NUMBER', `${NUMBER}[ \\t\\r\\n]?(?:\\\\%|%)`],
  ['GREEK_CMD', `(?:${[...GREEK].sort((a, b) => b.length - a.length).map((name) => `\\\\${name}`).join('|')}|[${Object.keys(GREEK_CHARACTERS).join('')}]) ?`],
  ['OTHER_SYMBOL_CMD', `(?:${[...OTHER_SYMBOLS].sort((a, b) => b.length - a.length).map((name) => `\\\\${name}`).join('|')}|[ℵℶℷℸ]) ?`],
  ['SYMBOL', String.raw`\\partial|\\infty(?:\\%|%)?|\\\$\\infty`],
  ['VARIABLE', String.raw`\\variable\{[^{}]+\}(?:\\%|%)?`],
  ['SET_NATURALS', String.raw`\\mathbb\{N\}|ℕ`], ['SET_INTEGERS', String.raw`\\mathbb\{Z\}|ℤ`], ['SET_RATIONALS', String.raw`\\mathbb\{Q\}|ℚ`],
  ['SET_REALS', String.raw`\\mathbb\{R\}|ℝ`], ['SET_COMPLEX', String.raw`\\mathbb\{C\}|ℂ`], ['SET_PRIMES', String.raw`\\mathbb\{P\}|ℙ`],
  ['ACCENT', `(?:${[...ACCENTS].sort((a, b) => b.length - a.length).map((name) => `\\\\${name}`).join('|')})[ \\t\\r\\n]?\\{(?:\\\\\\}|[^}])*?\\}`],
  ['UNION', String.raw`\\cup|∪`], ['INTERSECTION', String.raw`\\cap|∩`], ['SET_MINUS', String.raw`\\setminus|∖`],
  ['PLUS_MINUS', String.raw`\\pm|±|∓|\\mp`],
  ['SET_EMPTY', String.raw`\\emptyset|∅|\\\{\\\}|\\lbrace\\rbrace`],
  ['SUPSET', String.raw`\\supseteq|⊇`], ['SUBSET', String.raw`\\subseteq|⊆`], ['NOTIN', String.raw`\\notin|∉`],
];

const COMPILED = RULES.map(([type, pattern]) => ({ type, regex: new RegExp(pattern, 'y') }));

/** The tokens of `latex`, or undefined when some character matches no rule. */
export function tokenize(latex: string): Token[] | undefined {
  const tokens: Token[] = [];
  let position = 0;
  while (position < latex.length) {
    let best: { type: string; text: string } | undefined;
    for (const { type, regex } of COMPILED) {
      regex.lastIndex = position;
      const match = regex.exec(latex);
      if (match !== null && match[0].length > 0 && (best === undefined || match[0].length > best.text.length)) best = { type, text: match[0] };
    }
    if (best === undefined) return undefined;
    if (best.type !== 'skip') tokens.push(best);
    position += best.text.length;
  }
  return tokens;
}
