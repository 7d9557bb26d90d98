// Events reach the projections in groups: an event a command asked for (its cause is null) and
// the events it caused, which follow it in the log (derived events carry their cause). The units
// a group touches are recomputed once, when the group ends, so a Service created together with
// its Endpoints and EndpointSlice is projected once, not three times. The grouping is read off
// the log the same way when it is replayed, so a replay gives every table entry the rv the live
// write gave it (server/verify.ts checks that).
import { execute } from '../domain/execute.js';
import { evolve } from '../domain/state.js';
import { PendingUnits } from '../projections/engine.js';
import { changeOf } from './object-change.js';
/** Executes a command on the live state and projects its events; `observe` sees each event as
 * execute folds it. Throws what execute throws. */
export function executeAndProject(state, engine, cmd, observe) {
    const pending = new PendingUnits();
    const changes = [];
    const decision = execute(state, cmd, (ev, before) => {
        observe?.(ev, before);
        engine.note(pending, changeOf(ev, before), state, ev.rv);
    }, () => {
        for (const c of engine.flush(pending, state))
            changes.push(c);
    });
    return { decision, changes };
}
/** Folds logged events into a state and projects them in the groups the live write projected
 * them in. Call end() after the last event. */
export class LogReplay {
    state;
    engine;
    pending = new PendingUnits();
    /** rv of the first event of the group still open: every change at a lower rv is out. */
    groupStart = 0;
    constructor(state, engine) {
        this.state = state;
        this.engine = engine;
    }
    /** Folds one event; returns the changes of the group it closed, if it starts a new one. */
    apply(ev) {
        const closed = ev.cause === null ? this.end() : [];
        if (ev.cause === null)
            this.groupStart = ev.rv;
        const before = evolve(this.state, ev);
        this.engine.note(this.pending, changeOf(ev, before), this.state, ev.rv);
        return closed;
    }
    /** Recomputes what the last group touched. */
    end() {
        return this.engine.flush(this.pending, this.state);
    }
}
//# sourceMappingURL=project.js.map