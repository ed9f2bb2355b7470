package dev.orgservice.api.view;

import java.util.List;

/** Every list-like answer: {@code {"items": [...], "page": 0, "size": 50, "total": 123}}. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
