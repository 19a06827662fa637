// The plot components are available in every docs page without an import.
import MDXComponents from '@theme-original/MDXComponents';
import SchedulePlot from '@site/src/components/SchedulePlot';
import RecursiveVsClosedPlot from '@site/src/components/RecursiveVsClosedPlot';
import PlateauPlot from '@site/src/components/PlateauPlot';
import RestartTable from '@site/src/components/RestartTable';
import MisreadingPlot from '@site/src/components/MisreadingPlot';
import RecursiveDrift from '@site/src/components/RecursiveDrift';

export default {
  ...MDXComponents,
  SchedulePlot,
  RecursiveVsClosedPlot,
  PlateauPlot,
  RestartTable,
  MisreadingPlot,
  RecursiveDrift,
};
