package io.p2pviewer.app.ui.stats;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/**
 * The throughput chart: P2P, CDN and Fallback download rates stacked over the last two minutes, upload below the
 * axis, in Mbit/s. A plain {@link AreaChart} drawing the view model's pre-stacked lines (a StackedAreaChart would
 * stack the negative upload onto the downloads); no animation, no symbols, our own legend. Each update sets the
 * values of the existing points (the x axis is fixed: seconds ago), so nodes are only created while the window
 * fills. FX thread only.
 */
final class ThroughputChartView extends AreaChart<Number, Number> {
    private final Map<ThroughputChartViewModel.Line, XYChart.Series<Number, Number>> series =
            new EnumMap<>(ThroughputChartViewModel.Line.class);

    ThroughputChartView(ThroughputChartViewModel model) {
        super(xAxis(), yAxis());
        setId("throughputChart");
        getStyleClass().add("throughput-chart");
        setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(false);
        setHorizontalGridLinesVisible(true);
        setVerticalGridLinesVisible(false);
        for (ThroughputChartViewModel.Line line : ThroughputChartViewModel.Line.values()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(line.label());
            series.put(line, s);
            getData().add(s);
            s.getNode().getStyleClass().add("line-" + line.name().toLowerCase(Locale.ROOT));
        }
        show(model.windowProperty().get());
        model.windowProperty().addListener((o, was, is) -> show(is));
    }

    private void show(List<ThroughputPoint> points) {
        int n = points.size();
        for (var e : series.entrySet()) {
            ObservableList<XYChart.Data<Number, Number>> data = e.getValue().getData();
            if (data.size() > n) {
                data.remove(0, data.size() - n);
            }
            while (data.size() < n) {
                data.add(0, new XYChart.Data<>(0, 0));
            }
            for (int i = 0; i < n; i++) {
                XYChart.Data<Number, Number> d = data.get(i);
                int x = ThroughputChartViewModel.secondsAgo(i, n);
                double y = e.getKey().mbps(points.get(i));
                if (d.getXValue().intValue() != x) {
                    d.setXValue(x);
                }
                if (d.getYValue().doubleValue() != y) {
                    d.setYValue(y);
                }
            }
        }
    }

    private static NumberAxis xAxis() {
        NumberAxis x = new NumberAxis(-ThroughputChartViewModel.WINDOW_POINTS, 0, 30);
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.intValue() == 0 ? "now" : n.intValue() + " s";
            }

            @Override
            public Number fromString(String s) {
                return s.equals("now") ? 0 : Integer.parseInt(s.replace(" s", "").strip());
            }
        });
        return x;
    }

    private static NumberAxis yAxis() {
        NumberAxis y = new NumberAxis();
        y.setLabel("Mbit/s");
        y.setForceZeroInRange(true);
        y.setMinorTickVisible(false);
        return y;
    }
}
