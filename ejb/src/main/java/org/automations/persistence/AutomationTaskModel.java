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
        @Index(name = "ATM_TASK_AUTOMATION", columnList = "AUTOMATION_ID, FINISHED")})
@NamedQuery(name = AutomationTaskModel.OPEN_OF_AUTOMATION,
        query = "SELECT t FROM AutomationTaskModel t WHERE t.automation = :automation AND t.finished IS NULL ORDER BY t.id")
@NamedQuery(name = AutomationTaskModel.ALL_OF_AUTOMATION,
        query = "SELECT t FROM AutomationTaskModel t WHERE t.automation = :automation ORDER BY t.id")
public class AutomationTaskModel {

    public static final String OPEN_OF_AUTOMATION = "AutomationTaskModel.openOfAutomation";
    public static final String ALL_OF_AUTOMATION = "AutomationTaskModel.allOfAutomation";

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
