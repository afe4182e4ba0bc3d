package org.automations.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Unmanaged;
import jakarta.inject.Inject;
import java.util.IdentityHashMap;
import java.util.Map;
import org.automations.engine.AutomationFactory;
import org.automations.flow.Automation;

/**
 * Creates automation objects as CDI beans, so that they can inject services. A class that is not
 * a bean in its archive (for example under bean-discovery-mode "annotated" without a scope) is
 * still created with injection, as an unmanaged instance.
 */
@ApplicationScoped
public class CdiAutomationFactory implements AutomationFactory {

    @Inject
    Instance<Automation> automations;

    @Inject
    BeanManager beanManager;

    private final Map<Automation, Runnable> releases = java.util.Collections.synchronizedMap(new IdentityHashMap<>());

    @Override
    public <T extends Automation> T create(Class<T> type) {
        Instance<T> bean = automations.select(type);
        if (bean.isResolvable()) {
            T automation = bean.get();
            releases.put(automation, () -> bean.destroy(automation));
            return automation;
        }
        Unmanaged.UnmanagedInstance<T> unmanaged = new Unmanaged<>(beanManager, type).newInstance();
        T automation = unmanaged.produce().inject().postConstruct().get();
        releases.put(automation, () -> unmanaged.preDestroy().dispose());
        return automation;
    }

    @Override
    public void release(Automation automation) {
        Runnable release = releases.remove(automation);
        if (release != null) {
            release.run();
        }
    }
}
