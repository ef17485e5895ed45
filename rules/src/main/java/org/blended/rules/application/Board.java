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

    /**
     * The governance rubric (G1) gives a point each for at least {@code members} members, at least
     * {@code meetings} meetings a year and attendance in the band named; each is a column of its table.
     */
    public int pointForMembers(int members) {
        return this.members != null && this.members >= members ? 1 : 0;
    }

    /** The rubric's point for at least {@code meetings} meetings a year. */
    public int pointForMeetings(int meetings) {
        return meetingsPerYear != null && meetingsPerYear >= meetings ? 1 : 0;
    }

    /** The rubric's point for attendance in the band named. */
    public int pointForAttendance(String attendance) {
        return attendance.equals(attendanceBand) ? 1 : 0;
    }
}
