package org.blended.service.review.cases;

/** Why a case was opened: the rules referred the application, the applicant asked, or an officer chose to. */
public enum OpenedBecause {
    REFERRED, REQUESTED, OFFICER
}
