package org.gantry.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages (each direct subpackage of {@code org.gantry.server} is a module) form no cycle,
 * use only each other's public types, and depend only on the modules their {@code package-info.java}
 * names in {@code @ApplicationModule(allowedDependencies = ...)}. A new dependency between features is
 * therefore a decision written into that package's description, not an accident; one that would close a
 * cycle has to go through an application event instead.
 */
class ModuleBoundariesTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(GantryApplication.class);

    @Test
    void featuresFormNoCycleAndUseOnlyTheModulesTheyName() {
        MODULES.verify();
    }

    @Test
    void everyFeatureNamesTheModulesItMayUse() {
        MODULES.forEach(module -> {
            String name = module.getBasePackage().getName();
            ApplicationModule declared = packageInfo(name).getAnnotation(ApplicationModule.class);
            assertThat(declared)
                    .as("%s/package-info.java declares @ApplicationModule(allowedDependencies = ...)", name)
                    .isNotNull();
            assertThat(declared.allowedDependencies())
                    .as("%s names its allowed dependencies (an open module allows anything)", name)
                    .doesNotContain(ApplicationModule.OPEN_TOKEN);
        });
    }

    private static Class<?> packageInfo(String packageName) {
        try {
            return Class.forName(packageName + ".package-info");
        } catch (ClassNotFoundException e) {
            throw new AssertionError(packageName + " has no package-info.java", e);
        }
    }
}
