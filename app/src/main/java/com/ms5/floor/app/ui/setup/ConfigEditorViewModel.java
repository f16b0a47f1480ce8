package com.ms5.floor.app.ui.setup;

import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.app.model.ConfigVersion;
import com.ms5.floor.app.runtime.ConfigKind;
import com.ms5.floor.app.runtime.ConfigService;
import com.ms5.floor.app.ui.ViewModel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import com.ms5.floor.app.ui.UiExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A tab that edits one configuration document (the Setup tab the tag map, the Rules tab the plant
 * rules): the editor on the newest stored version, taken when the tab is shown and whenever any
 * station stores one (unsaved edits are kept), and Save and Versions through {@link ConfigService}.
 * Their futures complete on the FX thread, failed or not.
 *
 * @param <E> the editor: the document's edit history and its document-specific edits
 */
abstract class ConfigEditorViewModel<T, E extends EditHistory<T>> extends ViewModel {
    private final ConfigKind<T> kind;
    private final ConfigService configuration;
    private final LiveValues live;
    private final UiExecutor ui;
    private final ReadOnlyObjectWrapper<E> editor = new ReadOnlyObjectWrapper<>();
    private Runnable onLoad = () -> { };

    ConfigEditorViewModel(ConfigKind<T> kind, ConfigService configuration, LiveValues live, UiExecutor ui) {
        this.kind = kind;
        this.configuration = configuration;
        this.live = live;
        this.ui = ui;
    }

    /** The editor of a document as stored in {@code version}. */
    abstract E newEditor(T document, int version);

    @Override
    protected void onActivate() {
        // The station publishes the version it runs by once the document is loaded (0 until it is stored), and each new one.
        follow(live, kind.liveKey(), version -> load());
    }

    private void load() {
        T document = configuration.current(kind);
        int version = configuration.version(kind);
        E current = editor.get();
        if (current == null) {
            editor.set(newEditor(document, version));
        } else if (version > current.savedVersion()) {
            current.stored(document, version);
        }
        onLoad.run();
    }

    final ConfigKind<T> kind() {
        return kind;
    }

    /** The editor, {@code null} until the document is loaded. */
    final ReadOnlyObjectProperty<E> editorProperty() {
        return editor.getReadOnlyProperty();
    }

    final E editor() {
        return editor.get();
    }

    /** Runs after every load (the view redraws). */
    final void onLoad(Runnable listener) {
        onLoad = listener;
    }

    /** Save as new version: the editor takes the new version as its base once stored; on the FX thread. */
    final CompletableFuture<Integer> save() {
        E e = editor.get();
        T edited = e.current();
        return configuration.save(kind, edited, e.savedVersion()).whenCompleteAsync((version, error) -> {
            if (error == null) {
                e.stored(edited, version);
            }
        }, ui);
    }

    /** Every stored version, newest first, on the FX thread. */
    final CompletableFuture<List<ConfigVersion>> versions() {
        return ui.deliver(configuration.versions(kind));
    }
}
