package org.blended.rules.application;

/** How well a claim is evidenced (catalogue I11); it discounts a claim, never declines by itself. */
public enum EvidenceGrade { SELF_REPORTED, RECORDS, INDEPENDENTLY_VERIFIED }
