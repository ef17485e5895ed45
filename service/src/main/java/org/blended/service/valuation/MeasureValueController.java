package org.blended.service.valuation;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.blended.rules.application.Measure;
import org.blended.service.security.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A lender's own GBP values per measure, such as a value set it holds a licence for. They apply
 * to its applications only, in place of the rule set's open government defaults.
 */
@RestController
@RequestMapping("/api/v1/measure-values")
@Tag(name = "Measure values", description = "Your own GBP value per unit of a measure (role LENDER)")
class MeasureValueController {

    private final LenderValues values;

    public MeasureValueController(LenderValues values) {
        this.values = values;
    }

    public record Value(@NotNull Measure measure, @NotNull @DecimalMin("0") BigDecimal gbpPerUnit,
                        @NotBlank @Size(max = 500) String source, @NotBlank @Size(max = 200) String licence) {
        static Value of(LenderMeasureValue v) {
            return new Value(v.getMeasure(), v.getGbpPerUnit(), v.getSource(), v.getLicence());
        }
    }

    public record ValueTable(@NotNull @Size(max = 50) List<@NotNull @Valid Value> values) {
    }

    @GetMapping
    @Operation(summary = "Your measure values")
    public ValueTable values(@AuthenticationPrincipal Caller caller) {
        return new ValueTable(values.of(caller.lenderId()).stream().map(Value::of).toList());
    }

    @PutMapping
    @Operation(summary = "Replace your measure values", description = "Name the source and the licence of each value; "
            + "they are quoted in every reason that uses it.")
    public ValueTable replace(@AuthenticationPrincipal Caller caller, @Valid @RequestBody ValueTable table) {
        return new ValueTable(values.replace(caller.lenderId(), table.values().stream().map(v -> new LenderMeasureValue(
                caller.lenderId(), v.measure(), v.gbpPerUnit(), v.source(), v.licence())).toList())
                .stream().map(Value::of).toList());
    }
}
