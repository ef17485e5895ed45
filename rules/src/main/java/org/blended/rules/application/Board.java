package org.blended.rules.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** The board or trustees (catalogue G1). */
public class Board {

    @Min(0)
    @Max(100)
    private Integer members;

    @Min(0)
    @Max(52)
    private Integer meetingsPerYear;

    /** Share of meetings attended on average: "0-50", "50-75" or "75-100". */
    @Pattern(regexp = "0-50|50-75|75-100", message = "must be one of 0-50, 50-75, 75-100")
    private String attendanceBand;

    @Min(0)
    @Max(100)
    private Integer userTrustees;

    public Integer getMembers() { return members; }
    public void setMembers(Integer members) { this.members = members; }
    public Integer getMeetingsPerYear() { return meetingsPerYear; }
    public void setMeetingsPerYear(Integer meetingsPerYear) { this.meetingsPerYear = meetingsPerYear; }
    public String getAttendanceBand() { return attendanceBand; }
    public void setAttendanceBand(String attendanceBand) { this.attendanceBand = attendanceBand; }
    public Integer getUserTrustees() { return userTrustees; }
    public void setUserTrustees(Integer userTrustees) { this.userTrustees = userTrustees; }
}
