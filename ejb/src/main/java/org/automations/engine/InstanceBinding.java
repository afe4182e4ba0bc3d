package org.automations.engine;

import jakarta.persistence.EntityManager;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.AutomationHandle;
import org.automations.persistence.AutomationModel;

/** Binds an automation object to its row for one step: the data is read once and written back once. */
final class InstanceBinding implements AutomationHandle {

    private final AutomationModel model;
    private final EntityManager engineEntityManager;
    private final Map<String, Object> data;
    private String storedData;
    private Automation automation;

    InstanceBinding(AutomationModel model, EntityManager engineEntityManager) {
        this.model = model;
        this.engineEntityManager = engineEntityManager;
        this.storedData = model.getData();
        this.data = Json.readMap(storedData);
    }

    void attach(Automation automation) {
        this.automation = automation;
        automation.bind(this);
    }

    AutomationModel model() {
        return model;
    }

    @Override
    public long id() {
        return model.getId();
    }

    @Override
    public Map<String, Object> data() {
        return data;
    }

    @Override
    public String key() {
        return model.getKey();
    }

    @Override
    public void save() {
        writeBack();
    }

    @Override
    public <T> T model(String key, Class<T> type) {
        Object id = data.get(key);
        if (id == null) {
            return null;
        }
        EntityManager em = automation.modelEntityManager();
        Class<?> idType = em.getMetamodel().entity(type).getIdType().getJavaType();
        return em.find(type, Json.convert(id, idType));
    }

    @Override
    public EntityManager engineEntityManager() {
        return engineEntityManager;
    }

    /** Writes the data back to the row if it changed. */
    void writeBack() {
        String json = Json.write(data);
        if (!json.equals(storedData)) {
            model.setData(json);
            storedData = json;
        }
    }
}
