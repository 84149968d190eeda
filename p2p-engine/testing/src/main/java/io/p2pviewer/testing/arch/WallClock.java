package io.p2pviewer.testing.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;

/** Architecture rules about the wall clock: who may read it, and who may choose it. */
public final class WallClock {
    private WallClock() {
    }

    private static final Set<String> NOW_OWNERS = Set.of("java.time.Instant", "java.time.LocalDateTime",
            "java.time.LocalDate", "java.time.LocalTime", "java.time.ZonedDateTime", "java.time.OffsetDateTime",
            "java.time.OffsetTime", "java.time.Year", "java.time.YearMonth", "java.time.MonthDay");

    /** A call that reads the system's time: System.currentTimeMillis/nanoTime, X.now() of java.time, new Date(). */
    private static final DescribedPredicate<JavaCall<?>> READS_WALL_CLOCK =
            new DescribedPredicate<>("read the wall clock (System.currentTimeMillis/nanoTime, java.time now(), "
                    + "new Date())") {
                @Override
                public boolean test(JavaCall<?> call) {
                    String owner = call.getTargetOwner().getName();
                    String name = call.getName();
                    return owner.equals("java.lang.System") && (name.equals("currentTimeMillis")
                            || name.equals("nanoTime"))
                            || NOW_OWNERS.contains(owner) && name.equals("now")
                            && call.getTarget().getRawParameterTypes().isEmpty()
                            || owner.equals("java.util.Date") && name.equals("<init>")
                            && call.getTarget().getRawParameterTypes().isEmpty();
                }
            };

    /** No class reads the wall clock directly (a java.time.Clock it is given is the way to tell the time). */
    public static final ArchRule NOT_READ = noClasses().should().callCodeUnitWhere(READS_WALL_CLOCK);

    /**
     * Only the named classes (and their nested classes) choose {@code Clock.systemUTC()} or
     * {@code Clock.systemDefaultZone()}: the places that build a default configuration.
     */
    public static ArchRule systemClockChosenOnlyIn(String... classNames) {
        List<String> roots = List.of(classNames);
        DescribedPredicate<JavaClass> root = new DescribedPredicate<>("a composition root " + roots) {
            @Override
            public boolean test(JavaClass c) {
                return roots.stream().anyMatch(r -> c.getName().equals(r) || c.getName().startsWith(r + "$"));
            }
        };
        DescribedPredicate<JavaCall<?>> systemClock = new DescribedPredicate<>("choose the system clock") {
            @Override
            public boolean test(JavaCall<?> call) {
                return call.getTargetOwner().getName().equals("java.time.Clock")
                        && call.getName().startsWith("system");
            }
        };
        return noClasses().that(DescribedPredicate.not(root)).should().callCodeUnitWhere(systemClock)
                .because("the clock is a constructor parameter everywhere else, so tests can pass a fake one");
    }
}
