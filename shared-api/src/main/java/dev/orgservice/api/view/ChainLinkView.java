package dev.orgservice.api.view;

import java.util.UUID;

/** One step of a management chain or one report: a position, its unit, and its holder (null when vacant). */
public record ChainLinkView(UUID positionId, UUID unitId, String title, String personId, boolean vacant) {
}
