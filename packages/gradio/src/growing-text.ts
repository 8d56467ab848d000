/** Length at which the latest appends join the head of a growing text for good. */
const tailLimit = 256;

/**
 * Concatenates the appends to a growing string, such as a streamed answer, so that the strings
 * in between die young. With a plain `text + piece` each intermediate string is part of the
 * next one, so a long answer keeps one rope node per append alive, and the garbage collector
 * copies and promotes every one of them. Here the text is `head + tail`, where `tail` is a flat
 * copy of the latest appends, made anew at each append, and `head` grows only when `tail`
 * reaches 256 characters.
 */
export class GrowingText {
  #head = '';
  #tail = '';
  #text = '';

  /** The string `text + piece`. `text` is normally what this returned last; any other string starts over. */
  concat(text: string, piece: string): string {
    if (text !== this.#text) {
      this.#head = text;
      this.#tail = '';
    }
    const tail = this.#tail + piece;
    if (tail.length >= tailLimit) {
      this.#head += tail;
      this.#tail = '';
      this.#text = this.#head;
      return this.#text;
    }
    flatten(tail);
    this.#tail = tail;
    this.#text = this.#head + tail;
    return this.#text;
  }
}

/** Has V8 store `text` as one flat string: reading a character of a concatenation copies it into one. */
function flatten(text: string): void {
  text.charCodeAt(0);
}
