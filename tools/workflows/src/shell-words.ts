/**
 * The simple commands of a `run:` script, each as its words: split at newlines, `;`, `&&`, `||` and `|` outside
 * quotes, with quotes removed and `$( ... )` kept as one word. Enough for the commands a workflow step should hold;
 * anything cleverer is a reason to move the logic into a script of the repository.
 *
 * @example
 * ```ts
 * commandsOf("npm ci && npm run -s gate -w @journey-runs/contract-diff");
 * // [["npm", "ci"], ["npm", "run", "-s", "gate", "-w", "@journey-runs/contract-diff"]]
 * ```
 */
export function commandsOf(script: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = "";
  let inWord = false;
  let quote: string | undefined;
  let depth = 0;
  const endWord = () => {
    if (inWord) words.push(word);
    word = "";
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i] as string;
    const next = script[i + 1];
    if (depth > 0) {
      word += c;
      if (c === "(") depth++;
      else if (c === ")") depth--;
    } else if (quote !== undefined) {
      if (c === quote) quote = undefined;
      else if (c === "$" && next === "(" && quote === '"') {
        word += "$(";
        depth = 1;
        i++;
      } else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === "$" && next === "(") {
      word += "$(";
      inWord = true;
      depth = 1;
      i++;
    } else if (c === "#" && !inWord) {
      while (i < script.length && script[i] !== "\n") i++;
      endCommand();
    } else if (c === "\\" && next === "\n") {
      i++;
    } else if (c === "\n" || c === ";" || c === "|" || (c === "&" && next === "&")) {
      if ((c === "|" && next === "|") || c === "&") i++;
      endCommand();
    } else if (c === " " || c === "\t") {
      endWord();
    } else {
      word += c;
      inWord = true;
    }
  }
  endCommand();
  return commands;
}
