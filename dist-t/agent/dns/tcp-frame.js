// DNS over TCP frames a message with its length as two bytes (RFC 1035 §4.2.2): the responder
// answers in them and the upstream exchange asks in them.
export function tcpFrame(msg) {
    const frame = Buffer.alloc(2 + msg.length);
    frame.writeUInt16BE(msg.length, 0);
    msg.copy(frame, 2);
    return frame;
}
//# sourceMappingURL=tcp-frame.js.map