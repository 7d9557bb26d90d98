// An object's JSON text, encoded once: the store writes an event's object as this text, and the
// API answers the write with the same text instead of serializing the object again. Objects of
// the state are never changed in place once folded (decide clones before it changes one), so
// the text stays true for the object's life; a WeakMap lets it go with the object.

const texts = new WeakMap<object, string>();

export function objectJson(obj: object): string {
  let text = texts.get(obj);
  if (text === undefined) texts.set(obj, (text = JSON.stringify(obj)));
  return text;
}
