package com.ms5.floor.app.ui;

import com.ms5.floor.app.live.LiveKey;
import com.ms5.floor.app.live.LiveValues;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;

/**
 * The base of every tab's view model: what the view shows, as properties, and what it does, as
 * methods; it knows no {@code Node}. A view model is active while its view is on screen
 * ({@link #bind}) and takes live data only then, so nothing off screen costs the FX thread.
 * Activation, deactivation and everything the model's subscriptions deliver run on the FX thread.
 */
public abstract class ViewModel {
    private final List<Runnable> whileActive = new ArrayList<>();
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper();

    /** Keeps {@code model} active while {@code view} is in a scene. FX thread. */
    public static void bind(Node view, ViewModel model) {
        view.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null && old == null) {
                model.activate();
            } else if (scene == null && old != null) {
                model.deactivate();
            }
        });
        if (view.getScene() != null) {
            model.activate();
        }
    }

    /** The view is shown. */
    public final void activate() {
        if (!active.get()) {
            active.set(true);
            onActivate();
        }
    }

    /** The view left the screen: every subscription made while active ends. */
    public final void deactivate() {
        if (active.get()) {
            active.set(false);
            whileActive.forEach(Runnable::run);
            whileActive.clear();
            onDeactivate();
        }
    }

    /** Whether the view is on screen; a view starts and stops its own animations by it. */
    public final ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** What to take when shown: {@link #follow} the live values the view needs. */
    protected abstract void onActivate();

    protected void onDeactivate() {
    }

    /** While active, {@code consumer} gets the key's current value and every change. */
    protected final <T> void follow(LiveValues live, LiveKey<T> key, Consumer<? super T> consumer) {
        whileActive.add(live.subscribe(key, consumer));
    }

    /** Undoes something the model started on activation (a subscription elsewhere) when it is deactivated. */
    protected final void untilDeactivated(Runnable undo) {
        whileActive.add(undo);
    }
}
