package dev.accord.catalog.service;

import java.time.Instant;

/** The filters of the initiative list; null means "any". */
public record InitiativeFilter(String topic, String country, String org, String stage, Instant from, Instant to) {
}
