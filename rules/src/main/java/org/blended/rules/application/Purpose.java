package org.blended.rules.application;

public enum Purpose { WORKING_CAPITAL, ASSET_PURCHASE, PROPERTY, DEVELOPMENT, REFINANCE, GROWTH, OTHER }
