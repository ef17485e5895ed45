package org.blended.rules.application;

import jakarta.validation.constraints.Min;

public class Staff {

    @Min(0)
    private Integer fullTime;

    @Min(0)
    private Integer partTime;

    public Integer getFullTime() { return fullTime; }
    public void setFullTime(Integer fullTime) { this.fullTime = fullTime; }
    public Integer getPartTime() { return partTime; }
    public void setPartTime(Integer partTime) { this.partTime = partTime; }
}
