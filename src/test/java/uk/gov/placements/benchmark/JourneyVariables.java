package uk.gov.placements.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFieldsImpl;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The variables a journey writes, recorded once and written again by the data-faithful floor.
 * <p>
 * Recording: every variable the engine creates, updates or deletes while a journey runs reaches the history
 * event handlers before {@code HistoryFilter} decides what history keeps, so a handler here sees them all, with
 * the process, the scope (the instance, a scope of its own such as each provider's offer, or a task) and the
 * typed value as the engine stored it. The journey's harness names its steps (a task completed and the jobs it
 * made due, a timer fired); each write is kept under its step.
 * <p>
 * Replay: the floor's harness names the same steps, and this bean, the floor's only listener (on every activity's
 * start and every task's creation and completion), writes in the floor's instance of the same process, inside the
 * engine's command as the journey's writes were, the step's writes with the same names, types, values and scopes:
 * the instance's at the step's first listener call, each scope's of its own on the next scope execution the step
 * enters, each task's on the next task the step creates. The same engine and the same {@code HistoryFilter} then
 * turn them into the same rows. Writes the floor has no place for are counted, and printed.
 * <p>
 * Outside a recording or a replay (every other test, every other thread) both parts return at once.
 */
@Component("journeyVariables")
public class JourneyVariables extends AbstractProcessEnginePlugin implements HistoryEventHandler, ExecutionListener, TaskListener {
    /** The floor's processes and the journey's they stand for. */
    static final Map<String, String> JOURNEY_PROCESS = Map.of("dataFloorMain", "placementReferral", "dataFloorSearch", "placementSearch",
            "dataFloorReviews", "iroReview", "dataFloorRounds", "contractMonitoring");

    enum Scope { INSTANCE, OWN_SCOPE, TASK }

    /** One write: in which process, at which scope (and which of the step's scopes or tasks, in order), what. */
    record Write(String process, Scope scope, int group, String activityKind, Kind kind, String name, TypedValue value) {
        boolean delete() {
            return kind == Kind.DELETE;
        }

        /** Whether the floor writes it again: not the engine's own counters, which the floor's engine writes for itself. */
        boolean replayed() {
            return !ENGINE_VARIABLES.contains(name);
        }
    }

    enum Kind { CREATE, UPDATE, DELETE }

    /** The engine's own variables of a multi-instance activity: the floor's engine writes its own, so they are counted, not replayed. */
    static final Set<String> ENGINE_VARIABLES = Set.of("loopCounter", "nrOfInstances", "nrOfActiveInstances",
            "nrOfCompletedInstances");

    /** A step of a harness: its name and its occurrence (the second review's consultation is its own step). */
    record Step(String name, int occurrence) {
    }

    /** The writes of one journey, step by step, and what it counted. */
    public static final class Recording {
        private final Map<Step, List<Write>> writes = new LinkedHashMap<>();
        /** Per step: the journey's scope executions and tasks, numbered in the order they were first written to. */
        private final Map<Step, Map<String, Integer>> groups = new HashMap<>();
        private final Map<String, Integer> occurrences = new HashMap<>();
        private Step current;
        final Counts counts = new Counts();

        void enter(String step) {
            current = new Step(step, occurrences.merge(step, 1, Integer::sum));
        }

        void add(String process, Scope scope, String scopeId, String activityKind, Kind kind, String name, TypedValue value) {
            if (current == null) {
                throw new IllegalStateException("a variable written outside any step of the journey: " + name);
            }
            Map<String, Integer> numbered = groups.computeIfAbsent(current, s -> new HashMap<>());
            int group = scope == Scope.INSTANCE ? 0 : numbered.computeIfAbsent(scope + scopeId, k -> numbered.size());
            writes.computeIfAbsent(current, s -> new ArrayList<>()).add(new Write(process, scope, group, activityKind, kind, name, value));
        }

        /** The first step in which a process was written to: where the floor starts its stand-in. */
        Step firstStepOf(String process) {
            return writes.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(w -> w.process().equals(process)))
                    .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new IllegalStateException("the journey wrote nothing in " + process));
        }

        /** How many writes each process received in each step, by scope and kind: what the floor has to match. */
        Map<String, Long> shape() {
            Map<String, Long> shape = new TreeMap<>();
            writes.forEach((step, ws) -> ws.forEach(w -> shape.merge(step.name() + "#" + step.occurrence() + " " + w.process() + " "
                    + w.scope() + " " + w.kind() + " " + w.name(), 1L, Long::sum)));
            return shape;
        }
    }

    /** Runtime variable writes the engine made, by kind: the same count from journeys and floor alike. */
    public static final class Counts {
        long created;
        long updated;
        long deleted;
        long unplaced;

        public long created() {
            return created;
        }

        public long updated() {
            return updated;
        }

        public long deleted() {
            return deleted;
        }

        /** The floor's: writes of the recording it found no place for. */
        public long unplaced() {
            return unplaced;
        }
    }

    /** A floor set's replay: which steps' writes it has written, where. */
    static final class Replay {
        final Recording recording;
        final Map<String, Integer> occurrences = new HashMap<>();
        final Counts counts = new Counts();
        Step current;
        /** Per step and process: the instance's writes done, and the scopes and tasks given a group of writes. */
        final Map<Step, Map<String, Placed>> placed = new HashMap<>();

        Replay(Recording recording) {
            this.recording = recording;
        }

        void enter(String step) {
            finish();
            current = new Step(step, occurrences.merge(step, 1, Integer::sum));
        }

        /** A step again, by its occurrence: where a process the journey started inside another step is started. */
        void resume(Step step) {
            finish();
            current = step;
        }

        /** Counts what the step just ended left unwritten. */
        void finish() {
            if (current == null) {
                return;
            }
            Map<String, Placed> done = placed.getOrDefault(current, Map.of());
            for (Write w : recording.writes.getOrDefault(current, List.of())) {
                if (!w.replayed()) {
                    continue;
                }
                Placed p = done.get(w.process());
                boolean written = p != null && switch (w.scope()) {
                    case INSTANCE -> p.instance;
                    case OWN_SCOPE -> p.scopes.containsValue(w.group());
                    case TASK -> p.tasks.containsValue(w.group());
                };
                if (!written) {
                    counts.unplaced++;
                }
            }
            current = null;
        }
    }

    static final class Placed {
        boolean instance;
        final Map<String, Integer> scopes = new HashMap<>();
        final Map<String, Integer> tasks = new HashMap<>();
    }

    private static final ThreadLocal<Recording> RECORDING = new ThreadLocal<>();
    private static final ThreadLocal<Replay> REPLAY = new ThreadLocal<>();

    // ---- the harnesses' side

    /** Records the variables {@code journey} writes, on this thread. */
    public static Recording record(Runnable journey) {
        Recording recording = new Recording();
        RECORDING.set(recording);
        try {
            journey.run();
        } finally {
            RECORDING.remove();
        }
        return recording;
    }

    /** Runs a floor set on this thread, writing the recording's variables at its steps; the counts of what it wrote. */
    public static Counts replay(Recording recording, Runnable floorSet) {
        return replay(recording, floorSet, null);
    }

    /** As {@link #replay(Recording, Runnable)}, recording what the floor wrote, step by step, into {@code floorWrites}. */
    public static Counts replay(Recording recording, Runnable floorSet, Recording floorWrites) {
        Replay replay = new Replay(recording);
        REPLAY.set(replay);
        if (floorWrites != null) {
            RECORDING.set(floorWrites);
        }
        try {
            floorSet.run();
            replay.finish();
        } finally {
            REPLAY.remove();
            RECORDING.remove();
        }
        if (floorWrites == null) {
            return replay.counts;
        }
        floorWrites.counts.unplaced = replay.counts.unplaced;
        return floorWrites.counts;
    }

    /** The harness of this thread begins a step (no-op outside a recording or replay). */
    public static void step(String name) {
        Recording recording = RECORDING.get();
        if (recording != null) {
            recording.enter(name);
        }
        Replay replay = REPLAY.get();
        if (replay != null) {
            replay.enter(name);
        }
    }

    /** The floor's harness resumes the step in which the journey first wrote to {@code process}. */
    static void resumeFirstStepOf(String process) {
        Replay replay = REPLAY.get();
        if (replay != null) {
            replay.resume(replay.recording.firstStepOf(process));
            Recording floorWrites = RECORDING.get();
            if (floorWrites != null) {
                floorWrites.current = replay.current;
            }
        }
    }

    // ---- the engine's side: recording

    @Override
    public void preInit(ProcessEngineConfigurationImpl config) {
        List<HistoryEventHandler> handlers = new ArrayList<>(config.getCustomHistoryEventHandlers() == null ? List.of()
                : config.getCustomHistoryEventHandlers());
        // the Camunda starter adds a HistoryEventHandler bean itself, before this plugin runs: once is enough
        if (!handlers.contains(this)) {
            handlers.add(this);
            config.setCustomHistoryEventHandlers(handlers);
        }
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        Recording recording = RECORDING.get();
        Replay replay = REPLAY.get();
        if ((recording == null && replay == null) || !(event instanceof HistoricVariableUpdateEventEntity v)) {
            return;
        }
        Counts counts = recording != null ? recording.counts : replay.counts;
        String process = JOURNEY_PROCESS.getOrDefault(v.getProcessDefinitionKey(), v.getProcessDefinitionKey());
        boolean delete = HistoryEventTypes.VARIABLE_INSTANCE_DELETE.getEventName().equals(v.getEventType());
        if (HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName().equals(v.getEventType())) {
            counts.created++;
        } else if (delete) {
            counts.deleted++;
        } else {
            counts.updated++;
        }
        if (recording != null) {
            Scope scope = v.getTaskId() != null ? Scope.TASK : v.getExecutionId().equals(v.getProcessInstanceId()) ? Scope.INSTANCE : Scope.OWN_SCOPE;
            String scopeId = scope == Scope.TASK ? v.getTaskId() : v.getExecutionId();
            Kind kind = delete ? Kind.DELETE : HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName().equals(v.getEventType()) ? Kind.CREATE : Kind.UPDATE;
            String activityKind = scope == Scope.OWN_SCOPE ? activityKind(Context.getCommandContext().getDbEntityManager()
                    .getCachedEntity(ExecutionEntity.class, v.getExecutionId())) : null;
            recording.add(process, scope, scopeId, activityKind, kind, v.getVariableName(), delete ? null : valueOf(v));
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    /**
     * The typed value as the engine stored it: what the floor writes again. Objects are read back as objects (the engine
     * refuses a value already serialised in Java's format from outside) and the engine serialises them again as it did.
     */
    private static TypedValue valueOf(HistoricVariableUpdateEventEntity v) {
        ValueFieldsImpl fields = new ValueFieldsImpl();
        fields.setTextValue(v.getTextValue());
        fields.setTextValue2(v.getTextValue2());
        fields.setLongValue(v.getLongValue());
        fields.setDoubleValue(v.getDoubleValue());
        fields.setByteArrayValue(v.getByteValue());
        return Context.getProcessEngineConfiguration().getVariableSerializers().getSerializerByName(v.getSerializerName())
                .readValue(fields, true, false);
    }

    // ---- the engine's side: the floor's listener

    @Override
    public void notify(DelegateExecution execution) {
        write(execution, null);
    }

    @Override
    public void notify(DelegateTask task) {
        write(task.getExecution(), TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) ? task : null);
    }

    private static void write(DelegateExecution execution, DelegateTask createdTask) {
        Replay replay = REPLAY.get();
        if (replay == null || replay.current == null) {
            return;
        }
        String process = JOURNEY_PROCESS.get(((ExecutionEntity) execution).getProcessDefinition().getKey());
        List<Write> writes = replay.recording.writes.getOrDefault(replay.current, List.of()).stream().filter(Write::replayed).toList();
        Placed placed = replay.placed.computeIfAbsent(replay.current, s -> new HashMap<>()).computeIfAbsent(process, p -> new Placed());
        if (!placed.instance) {
            placed.instance = true;
            writes.stream().filter(w -> w.process().equals(process) && w.scope() == Scope.INSTANCE)
                    .forEach(w -> apply(execution.getProcessInstance(), w));
        }
        // a scope of its own (each provider's offer: its subprocess instance, its task's scope) takes the writes of the
        // journey's next scope at the same kind of activity: this execution's, or else its nearest enclosing scope's
        // (an answer given in a task goes to the fields its subprocess declared); or else the journey's next scope
        ExecutionEntity own = (ExecutionEntity) execution;
        for (ExecutionEntity scope = own; scope != null && !scope.isProcessInstanceExecution(); scope = scope.getParent()) {
            if (placed.scopes.containsKey(scope.getId())) {
                continue;
            }
            String activityKind = activityKind(scope);
            int group = openGroups(writes, process, placed).filter(w -> activityKind.equals(w.activityKind())).mapToInt(Write::group).min().orElse(-1);
            if (group < 0 && scope == own) {
                continue;
            }
            if (group >= 0) {
                claim(scope, group, writes, process, placed);
                own = null;
                break;
            }
        }
        if (own != null && !own.isProcessInstanceExecution() && !placed.scopes.containsKey(own.getId())) {
            int group = openGroups(writes, process, placed).mapToInt(Write::group).min().orElse(-1);
            if (group >= 0) {
                claim(own, group, writes, process, placed);
            }
        }
        if (createdTask != null) {
            int group = nextGroup(writes, process, Scope.TASK, placed.tasks);
            if (group >= 0) {
                placed.tasks.put(createdTask.getId(), group);
                writes.stream().filter(w -> w.process().equals(process) && w.scope() == Scope.TASK && w.group() == group)
                        .forEach(w -> {
                            if (w.delete()) {
                                createdTask.removeVariableLocal(w.name());
                            } else {
                                createdTask.setVariableLocal(w.name(), w.value());
                            }
                        });
            }
        }
    }

    private static Stream<Write> openGroups(List<Write> writes, String process, Placed placed) {
        return writes.stream().filter(w -> w.process().equals(process) && w.scope() == Scope.OWN_SCOPE && !placed.scopes.containsValue(w.group()));
    }

    private static void claim(ExecutionEntity scope, int group, List<Write> writes, String process, Placed placed) {
        placed.scopes.put(scope.getId(), group);
        writes.stream().filter(w -> w.process().equals(process) && w.scope() == Scope.OWN_SCOPE && w.group() == group)
                .forEach(w -> applyLocal(scope, w));
    }

    /** What kind of activity a scope execution is at (a subprocess, a user task, ...): where the journey's scopes match the floor's. */
    private static String activityKind(ExecutionEntity execution) {
        return execution == null || execution.getActivity() == null ? "none"
                : execution.getActivity().getActivityBehavior().getClass().getSimpleName();
    }

    /** The step's next group of writes of that scope not yet given to a scope or task of the floor; -1 if none is left. */
    private static int nextGroup(List<Write> writes, String process, Scope scope, Map<String, Integer> given) {
        return writes.stream().filter(w -> w.process().equals(process) && w.scope() == scope && !given.containsValue(w.group()))
                .mapToInt(Write::group).min().orElse(-1);
    }

    private static void apply(DelegateExecution instance, Write w) {
        if (w.delete()) {
            instance.removeVariable(w.name());
        } else {
            instance.setVariable(w.name(), w.value());
        }
    }

    private static void applyLocal(DelegateExecution scope, Write w) {
        if (w.delete()) {
            scope.removeVariableLocal(w.name());
        } else {
            scope.setVariableLocal(w.name(), w.value());
        }
    }
}
