// An object's JSON text, encoded once for a write: the store writes an event's object as this
// text (objectJson), and the API answers the write and each watch sends the event with the same
// text (objectJsonOnce) instead of serializing the object again. Objects of the state are never changed in place once folded
// (decide clones before it changes one), so the text stays true. The appender forgets a batch's
// texts once its answers are out: kept for as long as the objects live, the texts of every
// object in the state made bench scale's heap 0.5 GB larger.
const texts = new WeakMap();
export function objectJson(obj) {
    let text = texts.get(obj);
    if (text === undefined)
        texts.set(obj, (text = JSON.stringify(obj)));
    return text;
}
/** The text if a write has encoded it, else encoded now without keeping it (a watch's initial
 * list of the state must not leave the text of every object behind). */
export function objectJsonOnce(obj) {
    return texts.get(obj) ?? JSON.stringify(obj);
}
export function forgetObjectJson(objects) {
    for (const obj of objects)
        texts.delete(obj);
}
//# sourceMappingURL=object-json.js.map