package org.automations.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One automation instance (the spec's {@code AutomationModel}): its class, its JSON data and when
 * it is next due. Its tasks are {@link AutomationTaskModel} rows.
 */
@Entity
@Table(name = "ATM_AUTOMATION", indexes = {
        @Index(name = "ATM_AUTOMATION_DUE", columnList = "DUE_AT"),
        @Index(name = "ATM_AUTOMATION_CLASS", columnList = "AUTOMATION_CLASS, STATE"),
        @Index(name = "ATM_AUTOMATION_FINISHED", columnList = "STATE, UPDATED")})
@NamedQuery(name = AutomationModel.DUE_IDS,
        query = "SELECT a.id FROM AutomationModel a WHERE a.dueAt <= :now AND a.state = "
                + "org.automations.persistence.AutomationState.RUNNING ORDER BY a.dueAt, a.id")
@NamedQuery(name = AutomationModel.DUE_UNCLAIMED_IDS,
        query = "SELECT a.id FROM AutomationModel a WHERE a.dueAt <= :now AND a.state = "
                + "org.automations.persistence.AutomationState.RUNNING"
                + " AND (a.claimExpires IS NULL OR a.claimExpires < :now) ORDER BY a.dueAt, a.id")
@NamedQuery(name = AutomationModel.CLAIM,
        query = "UPDATE AutomationModel a SET a.claimedBy = :owner, a.claimExpires = :until, a.version = a.version + 1"
                + " WHERE a.id IN :ids AND a.dueAt <= :now AND a.state = org.automations.persistence.AutomationState.RUNNING"
                + " AND (a.claimExpires IS NULL OR a.claimExpires < :now)")
@NamedQuery(name = AutomationModel.CLAIMED_IDS,
        query = "SELECT a.id FROM AutomationModel a WHERE a.claimedBy = :owner AND a.id IN :ids ORDER BY a.dueAt, a.id")
@NamedQuery(name = AutomationModel.BY_KEY,
        query = "SELECT a FROM AutomationModel a WHERE a.key = :key")
@NamedQuery(name = AutomationModel.BY_UNIQUE_KEY,
        query = "SELECT a FROM AutomationModel a WHERE a.uniqueKey = :uniqueKey")
@NamedQuery(name = AutomationModel.RUNNING_IDS_OF_CLASS,
        query = "SELECT a.id FROM AutomationModel a WHERE a.automationClass = :automationClass AND a.state = "
                + "org.automations.persistence.AutomationState.RUNNING ORDER BY a.id")
@NamedQuery(name = AutomationModel.FINISHED_BEFORE,
        query = "SELECT a.id FROM AutomationModel a WHERE a.state = "
                + "org.automations.persistence.AutomationState.FINISHED AND a.updated < :before ORDER BY a.id")
@NamedQuery(name = AutomationModel.DELETE_BY_IDS,
        query = "DELETE FROM AutomationModel a WHERE a.id IN :ids")
@NamedQuery(name = AutomationModel.ALL_NEWEST_FIRST,
        query = "SELECT a FROM AutomationModel a ORDER BY a.id DESC")
public class AutomationModel {

    public static final String DUE_IDS = "AutomationModel.dueIds";
    public static final String ALL_NEWEST_FIRST = "AutomationModel.allNewestFirst";
    public static final String BY_KEY = "AutomationModel.byKey";
    public static final String DUE_UNCLAIMED_IDS = "AutomationModel.dueUnclaimedIds";
    public static final String CLAIM = "AutomationModel.claim";
    public static final String CLAIMED_IDS = "AutomationModel.claimedIds";
    public static final String BY_UNIQUE_KEY = "AutomationModel.byUniqueKey";
    public static final String RUNNING_IDS_OF_CLASS = "AutomationModel.runningIdsOfClass";
    public static final String FINISHED_BEFORE = "AutomationModel.finishedBefore";
    public static final String DELETE_BY_IDS = "AutomationModel.deleteByIds";

    @Id
    @SequenceGenerator(name = "ATM_AUTOMATION_SEQ", sequenceName = "ATM_AUTOMATION_SEQ", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ATM_AUTOMATION_SEQ")
    private Long id;

    @Version
    private long version;

    @Column(name = "AUTOMATION_CLASS", nullable = false, length = 255)
    private String automationClass;

    @Lob
    @Column(name = "DATA", nullable = false)
    private String data = "{}";

    @Column(name = "INSTANCE_KEY", length = 64, unique = true)
    private String key;

    /**
     * Set while a {@code @Unique} automation holds its uniqueness; the unique constraint makes the
     * database refuse a second one (several NULLs are allowed).
     */
    @Column(name = "UNIQUE_KEY", length = 64, unique = true)
    private String uniqueKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", nullable = false, length = 16)
    private AutomationState state = AutomationState.RUNNING;

    @Column(name = "CREATED", nullable = false)
    private Instant created;

    @Column(name = "UPDATED", nullable = false)
    private Instant updated;

    /** The server that claimed the instance to step it, until {@link #claimExpires}. */
    @Column(name = "CLAIMED_BY", length = 100)
    private String claimedBy;

    /** When the claim lapses: a server that died mid-step lets another one take over then. */
    @Column(name = "CLAIM_EXPIRES")
    private Instant claimExpires;

    /** The task whose failure stopped the instance, while it is {@code FAILED}. */
    @Column(name = "FAILED_TASK_ID")
    private Long failedTaskId;

    /** When the scheduler should run the instance next; {@code null} when nothing is due by time. */
    @Column(name = "DUE_AT")
    private Instant dueAt;

    protected AutomationModel() {
    }

    public AutomationModel(String automationClass, Instant created) {
        this.automationClass = automationClass;
        this.created = created;
        this.updated = created;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getAutomationClass() {
        return automationClass;
    }

    public String getData() {
        return data;
    }

    public void setData(String data) {
        this.data = data;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getUniqueKey() {
        return uniqueKey;
    }

    public void setUniqueKey(String uniqueKey) {
        this.uniqueKey = uniqueKey;
    }

    public AutomationState getState() {
        return state;
    }

    public void setState(AutomationState state) {
        this.state = state;
    }

    /** The spec's {@code finished} flag. */
    public boolean isFinished() {
        return state == AutomationState.FINISHED;
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public Instant getClaimExpires() {
        return claimExpires;
    }

    /** Gives up the claim (after the claimed step committed). */
    public void releaseClaim() {
        claimedBy = null;
        claimExpires = null;
    }

    public Long getFailedTaskId() {
        return failedTaskId;
    }

    public void setFailedTaskId(Long failedTaskId) {
        this.failedTaskId = failedTaskId;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getUpdated() {
        return updated;
    }

    public void setUpdated(Instant updated) {
        this.updated = updated;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public void setDueAt(Instant dueAt) {
        this.dueAt = dueAt;
    }
}
