// KaTeX's stylesheet and its fonts, bundled from the installed package (never a CDN).
import 'katex/dist/katex.min.css';
