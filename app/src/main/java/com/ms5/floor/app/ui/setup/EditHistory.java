package com.ms5.floor.app.ui.setup;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A configuration document being edited: every edit makes a new immutable document, so undo and
 * redo are stacks of documents, and the stored version the edits started from is kept to compare
 * with and to refuse a stale save. Knows no JavaFX; the view redraws when {@link #onChange} runs.
 * FX thread only.
 */
class EditHistory<T> {
    private static final int UNDO_DEPTH = 200;

    private T saved;
    private int savedVersion;
    private T current;
    private final Deque<T> undo = new ArrayDeque<>();
    private final Deque<T> redo = new ArrayDeque<>();
    private Runnable onChange = () -> { };

    EditHistory(T saved, int version) {
        this.saved = saved;
        this.savedVersion = version;
        this.current = saved;
    }

    final void onChange(Runnable listener) {
        this.onChange = listener;
    }

    final T current() {
        return current;
    }

    final T saved() {
        return saved;
    }

    final int savedVersion() {
        return savedVersion;
    }

    /** A newer stored version (saved here or elsewhere): taken as the base; unsaved edits are kept if there are any. */
    final void stored(T document, int version) {
        boolean clean = !dirty();
        saved = document;
        savedVersion = version;
        if (clean) {
            current = document;
            undo.clear();
            redo.clear();
        }
        changed();
    }

    final boolean dirty() {
        return !current.equals(saved);
    }

    final boolean canUndo() {
        return !undo.isEmpty();
    }

    final boolean canRedo() {
        return !redo.isEmpty();
    }

    final void undo() {
        if (canUndo()) {
            redo.push(current);
            current = undo.pop();
            changed();
        }
    }

    final void redo() {
        if (canRedo()) {
            undo.push(current);
            current = redo.pop();
            changed();
        }
    }

    /** Replaces the whole document as one undoable step (every edit, an import, a rollback's preview). */
    final void replace(T next) {
        if (next.equals(current)) {
            return;
        }
        undo.push(current);
        if (undo.size() > UNDO_DEPTH) {
            undo.removeLast();
        }
        redo.clear();
        current = next;
        changed();
    }

    /** Checks the current document again; called after every change, before the view redraws. */
    void validate() {
    }

    private void changed() {
        validate();
        onChange.run();
    }
}
