package org.automations.engine;

import java.util.Map;
import org.automations.flow.AutomationHandle;
import org.automations.persistence.AutomationModel;

/** Binds an automation object to its row for one step: the data is read once and written back once. */
final class InstanceBinding implements AutomationHandle {

    private final AutomationModel model;
    private final String storedData;
    private final Map<String, Object> data;

    InstanceBinding(AutomationModel model) {
        this.model = model;
        this.storedData = model.getData();
        this.data = Json.readMap(storedData);
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

    /** Writes the data back to the row if the step changed it. */
    void writeBack() {
        String json = Json.write(data);
        if (!json.equals(storedData)) {
            model.setData(json);
        }
    }
}
