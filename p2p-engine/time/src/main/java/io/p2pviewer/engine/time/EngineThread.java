package io.p2pviewer.engine.time;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose state belongs to one engine thread (a {@link TaskScheduler}): call it only from tasks of that
 * scheduler. Its entry points check this with {@link TaskScheduler#assertCurrentThread()} when assertions are on
 * (the tests), and architecture tests keep such classes out of view models, which run on the UI thread.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EngineThread {
}
