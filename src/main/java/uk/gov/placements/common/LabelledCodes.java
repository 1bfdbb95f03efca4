package uk.gov.placements.common;

import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/** Finds the modules' own codes ({@link Labelled} enums) on the classpath, in a stable order (by class name). */
final class LabelledCodes {
    private LabelledCodes() {
    }

    @SuppressWarnings("unchecked")
    static List<Class<? extends Enum<?>>> find(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Labelled.class));
        return scanner.findCandidateComponents(basePackage).stream()
                .map(definition -> ClassUtils.resolveClassName(definition.getBeanClassName(), LabelledCodes.class.getClassLoader()))
                .filter(Class::isEnum)
                .sorted(Comparator.comparing(Class::getName))
                .<Class<? extends Enum<?>>>map(type -> (Class<? extends Enum<?>>) type)
                .toList();
    }
}
