package dev.orgservice.api.view;

import java.util.List;

/** A list that is always complete: {@code {"items": [...]}}, named so that a generated client reads {@code items}. */
public record ItemsView<T>(List<T> items) {
}
