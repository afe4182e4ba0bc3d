package org.automations.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * One task of an automation instance (the spec's {@code AutomationTaskModel}): the instance
 * arrived at a node ({@link #getStatus()}) at {@link #getCreated()}; an open task has no
 * {@link #getFinished()} time yet.
 */
@Entity
@Table(name = "ATM_TASK", indexes = {
        @Index(name = "ATM_TASK_AUTOMATION", columnList = "AUTOMATION_ID, FINISHED"),
        @Index(name = "ATM_TASK_OPEN_INTERACTION", columnList = "INTERACTION, FINISHED")})
@NamedQuery(name = AutomationTaskModel.OPEN_OF_AUTOMATION,
        query = "SELECT t FROM AutomationTaskModel t WHERE t.automation = :automation AND t.finished IS NULL ORDER BY t.id")
@NamedQuery(name = AutomationTaskModel.OPEN_INTERACTIONS,
        query = "SELECT t FROM AutomationTaskModel t JOIN FETCH t.automation WHERE t.interaction = TRUE"
                + " AND t.finished IS NULL AND t.automation.state = org.automations.persistence.AutomationState.RUNNING ORDER BY t.id")
@NamedQuery(name = AutomationTaskModel.OPEN_ON_OTHER_NODES,
        query = "SELECT t FROM AutomationTaskModel t JOIN FETCH t.automation WHERE t.finished IS NULL"
                + " AND t.automation.state = org.automations.persistence.AutomationState.RUNNING"
                + " AND t.automation.automationClass = :automationClass AND t.status NOT IN :nodes ORDER BY t.id")
@NamedQuery(name = AutomationTaskModel.OPEN_OF_OTHER_CLASSES,
        query = "SELECT t FROM AutomationTaskModel t JOIN FETCH t.automation WHERE t.finished IS NULL"
                + " AND t.automation.state = org.automations.persistence.AutomationState.RUNNING"
                + " AND t.automation.automationClass NOT IN :classes ORDER BY t.id")
@NamedQuery(name = AutomationTaskModel.OPEN_INTERACTIONS_FOR,
        query = "SELECT t FROM AutomationTaskModel t JOIN FETCH t.automation WHERE t.interaction = TRUE"
                + " AND t.finished IS NULL AND t.automation.state = org.automations.persistence.AutomationState.RUNNING"
                + " AND (t.interactionUser IS NULL OR t.interactionUser = :user)"
                + " AND (t.interactionGroup IS NULL OR t.interactionGroup IN :groups) ORDER BY t.id")
@NamedQuery(name = AutomationTaskModel.DELETE_OF_AUTOMATIONS,
        query = "DELETE FROM AutomationTaskModel t WHERE t.automation.id IN :ids")
@NamedQuery(name = AutomationTaskModel.ALL_OF_AUTOMATION,
        query = "SELECT t FROM AutomationTaskModel t WHERE t.automation = :automation ORDER BY t.id")
public class AutomationTaskModel {

    public static final String OPEN_OF_AUTOMATION = "AutomationTaskModel.openOfAutomation";
    public static final String ALL_OF_AUTOMATION = "AutomationTaskModel.allOfAutomation";
    public static final String OPEN_INTERACTIONS = "AutomationTaskModel.openInteractions";
    public static final String OPEN_INTERACTIONS_FOR = "AutomationTaskModel.openInteractionsFor";
    public static final String DELETE_OF_AUTOMATIONS = "AutomationTaskModel.deleteOfAutomations";
    public static final String OPEN_ON_OTHER_NODES = "AutomationTaskModel.openOnOtherNodes";
    public static final String OPEN_OF_OTHER_CLASSES = "AutomationTaskModel.openOfOtherClasses";

    @Id
    @SequenceGenerator(name = "ATM_TASK_SEQ", sequenceName = "ATM_TASK_SEQ", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ATM_TASK_SEQ")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "AUTOMATION_ID", nullable = false)
    private AutomationModel automation;

    /** The task this one followed, {@code null} for the first task of a path. */
    @Column(name = "PREVIOUS_ID")
    private Long previousId;

    /** The split task whose path this task is on; {@code null} outside any split. */
    @Column(name = "SPLIT_TASK_ID")
    private Long splitTaskId;

    /** Whether this task waits for a person (a form). */
    @Column(name = "INTERACTION", nullable = false)
    private boolean interaction;

    /** The user who alone may process the form, if any. */
    @Column(name = "INTERACTION_USER", length = 100)
    private String interactionUser;

    /** The group whose members may process the form, if any. */
    @Column(name = "INTERACTION_GROUP", length = 100)
    private String interactionGroup;

    /** Roles all required to process the form, comma-separated, if any. */
    @Column(name = "INTERACTION_PERMISSIONS", length = 500)
    private String interactionPermissions;

    /** Which attempt at the node this is (1 unless the node retries). */
    @Column(name = "ATTEMPT", nullable = false)
    private int attempt = 1;

    /** Not before this time: the backoff of a retry. */
    @Column(name = "RUN_AFTER")
    private Instant runAfter;

    /** When the node's threaded work was handed to the executor; {@code null} until then. */
    @Column(name = "ASYNC_SINCE")
    private Instant asyncSince;

    /** Who completed the form. */
    @Column(name = "COMPLETED_BY", length = 100)
    private String completedBy;

    /** The node's name (the spec calls it {@code status}). */
    @Column(name = "STATUS", nullable = false, length = 100)
    private String status;

    @Column(name = "CREATED", nullable = false)
    private Instant created;

    @Column(name = "FINISHED")
    private Instant finished;

    @Column(name = "MESSAGE", length = 1000)
    private String message;

    /** JSON: the node's result, or {@code {"error": "<stack trace>"}} when it failed. */
    @Lob
    @Column(name = "RESULT")
    private String result;

    protected AutomationTaskModel() {
    }

    public AutomationTaskModel(AutomationModel automation, String status, Long previousId, Instant created) {
        this.automation = automation;
        this.status = status;
        this.previousId = previousId;
        this.created = created;
    }

    public Long getId() {
        return id;
    }

    public AutomationModel getAutomation() {
        return automation;
    }

    public Long getPreviousId() {
        return previousId;
    }

    public String getStatus() {
        return status;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getFinished() {
        return finished;
    }

    public String getMessage() {
        return message;
    }

    public String getResult() {
        return result;
    }

    public Long getSplitTaskId() {
        return splitTaskId;
    }

    public void setSplitTaskId(Long splitTaskId) {
        this.splitTaskId = splitTaskId;
    }

    public boolean isInteraction() {
        return interaction;
    }

    /** Marks the task as waiting for a person, with who may process it. */
    public void assign(String user, String group, String permissions) {
        this.interaction = true;
        this.interactionUser = user;
        this.interactionGroup = group;
        this.interactionPermissions = permissions;
    }

    public String getInteractionUser() {
        return interactionUser;
    }

    public String getInteractionGroup() {
        return interactionGroup;
    }

    public String getInteractionPermissions() {
        return interactionPermissions;
    }

    public int getAttempt() {
        return attempt;
    }

    public void setAttempt(int attempt) {
        this.attempt = attempt;
    }

    public Instant getRunAfter() {
        return runAfter;
    }

    public void setRunAfter(Instant runAfter) {
        this.runAfter = runAfter;
    }

    public Instant getAsyncSince() {
        return asyncSince;
    }

    public void setAsyncSince(Instant asyncSince) {
        this.asyncSince = asyncSince;
    }

    public String getCompletedBy() {
        return completedBy;
    }

    public void setCompletedBy(String completedBy) {
        this.completedBy = completedBy;
    }

    public boolean isOpen() {
        return finished == null;
    }

    /** Closes the task with a message and a JSON result (may be {@code null}). */
    public void finish(Instant when, String message, String resultJson) {
        this.finished = when;
        this.message = message == null || message.length() <= 1000 ? message : message.substring(0, 997) + "...";
        this.result = resultJson;
    }

    /** Hours since the task was created while it is open; 0 once finished (the spec's urgency). */
    public double hoursSinceCreated(Instant now) {
        return finished != null ? 0 : Duration.between(created, now).toSeconds() / 3600.0;
    }
}
