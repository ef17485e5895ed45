package org.blended.rules.assessment;

/** A number a policy owner sets in the policy parameters table, such as the assumed interest rate. */
public class PolicyParameter {

    private String name;
    private double value;

    public PolicyParameter() {
    }

    public PolicyParameter(String name) {
        this.name = name;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public double getValue() { return value; }
    public void setValue(double value) { this.value = value; }
}
