package org.gantry.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessibilityCheckTests {

    @Test
    void aKindOfPageLeavesOutProjectKeysIdsAndQueryValues() {
        assertThat(AccessibilityCheck.pageKind("http://localhost:8080/projects/DEMO/list"))
                .isEqualTo("/projects/{project}/list");
        assertThat(AccessibilityCheck.pageKind("http://localhost:8080/projects/P1A2B3/tasks/42?version=3&error"))
                .isEqualTo("/projects/{project}/tasks/{id}?error&version");
        assertThat(AccessibilityCheck.pageKind("http://localhost:8080/projects/new"))
                .isEqualTo("/projects/new");
        assertThat(AccessibilityCheck.pageKind("http://localhost:8080/projects/import"))
                .isEqualTo("/projects/import");
        assertThat(AccessibilityCheck.pageKind("http://localhost:8080/login?error"))
                .isEqualTo("/login?error");
        assertThat(AccessibilityCheck.pageKind("http://localhost:8080/projects"))
                .isEqualTo("/projects");
    }
}
