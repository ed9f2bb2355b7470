package dev.orgservice.api;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every list an event carries is its own unmodifiable copy, and a payload without the list (null) reads as empty.
 * Found by reflection, so an event that gains a list is checked too.
 */
class EventListsTest {

    /** Stands for an element of any type: the lists are only copied, never looked into. */
    private static final Object ELEMENT = new Object();

    @Test
    void aListGivenToAnEventIsCopiedAndCannotBeChanged() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Class<?> event : EventContract.EVENTS) {
            for (RecordComponent list : listComponents(event)) {
                List<Object> given = new ArrayList<>(List.of(ELEMENT));
                Object created = construct(event, list, given);
                given.add(ELEMENT);

                @SuppressWarnings("unchecked")
                List<Object> kept = (List<Object>) list.getAccessor().invoke(created);
                assertThat(kept).as(event.getSimpleName() + "." + list.getName()).containsExactly(ELEMENT);
                assertThatThrownBy(() -> kept.remove(0)).isInstanceOf(UnsupportedOperationException.class);
                checked.add(event.getSimpleName() + "." + list.getName());
            }
        }
        assertThat(checked).contains("PositionCreatedEvent.dottedLineToPositionIds",
                "PositionReportingLinesChangedEvent.dottedLineToPositionIds", "UnitsImportedEvent.units",
                "PositionsImportedEvent.positions", "ApprovalAuthoritiesImportedEvent.authorities",
                "ApprovalPolicyDefinedEvent.steps", "DelegationGrantedEvent.purposes");
    }

    @Test
    void aMissingListReadsAsEmpty() throws Exception {
        for (Class<?> event : EventContract.EVENTS) {
            for (RecordComponent list : listComponents(event)) {
                Object created = construct(event, list, null);
                assertThat((List<?>) list.getAccessor().invoke(created))
                        .as(event.getSimpleName() + "." + list.getName()).isEmpty();
            }
        }
    }

    private static List<RecordComponent> listComponents(Class<?> event) {
        return Arrays.stream(event.getRecordComponents()).filter(c -> c.getType() == List.class).toList();
    }

    /** The event with {@code value} for {@code list}, and nothing (null, 0, false) for every other component. */
    private static Object construct(Class<?> event, RecordComponent list, Object value) throws Exception {
        RecordComponent[] components = event.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            arguments[i] = components[i].getName().equals(list.getName()) ? value : nothing(types[i]);
        }
        Constructor<?> canonical = event.getDeclaredConstructor(types);
        return canonical.newInstance(arguments);
    }

    /** A primitive's default (0, false) or null: an array's first element is just that. */
    private static Object nothing(Class<?> type) {
        return type.isPrimitive() ? Array.get(Array.newInstance(type, 1), 0) : null;
    }
}
