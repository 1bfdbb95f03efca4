package uk.gov.placements.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/**
 * A task's form values are read field by field from its scope: a decision is read without touching the
 * display values beside it (the options table's JSON), which cost a deserialization each time a task was
 * completed (benchmark-results.md, stop 16).
 */
class FormValuesTest {

    @Test
    void shouldReadOnlyTheFieldsAskedFromTheTaskScope() {
        VariableScope task = mock(VariableScope.class);
        when(task.getVariable(anyString())).thenAnswer(call -> switch ((String) call.getArgument(0)) {
            case "approvalDecision" -> "APPROVE";
            case "weeklyFee" -> "4200.50";
            case "options" -> throw new AssertionError("the display table was read");
            default -> null;
        });
        FieldErrors errors = new FieldErrors();
        FormValues form = new FormValues(task, errors);

        assertThat(form.text("approvalDecision")).isEqualTo("APPROVE");
        assertThat(form.decimal("weeklyFee")).isEqualTo(4200.50);
        assertThat(form.has("approvalReason")).isFalse();
        assertThat(errors.isEmpty()).isTrue();
        verify(task, never()).getVariables();
        verify(task, never()).getVariablesTyped();
    }

    @Test
    void shouldNameTheFieldThatCannotBeReadFromTheTaskScope() {
        VariableScope task = mock(VariableScope.class);
        when(task.getVariable("sdqScore")).thenReturn("twelve");
        FieldErrors errors = new FieldErrors();

        assertThat(new FormValues(task, errors).integer("sdqScore")).isNull();
        assertThat(errors.asMap()).containsOnlyKeys("sdqScore");
    }

    @Test
    void shouldReadAChecklistOfIdsAndRefuseOneThatIsNotANumber() {
        FieldErrors errors = new FieldErrors();
        FormValues form = new FormValues(Map.of("lettersSent", "[\"12\", \"14\"]", "unsuitableOptionIds", "3, x"), errors);

        assertThat(form.ids("lettersSent", "must list the letters sent")).containsExactly(12L, 14L);
        assertThat(errors.isEmpty()).isTrue();
        assertThat(form.ids("unsuitableOptionIds", "must list option ids")).containsExactly(3L);
        assertThat(errors.asMap()).containsEntry("unsuitableOptionIds", "must list option ids");
    }
}
