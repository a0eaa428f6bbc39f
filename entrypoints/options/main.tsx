import { render } from 'preact';
import { localisePage } from '../../components/page';
import { i18n } from '../../lib/i18n';
import { Options } from './Options';
import '../../components/theme.css';
import './style.css';

localisePage(i18n.t('options.pageTitle'));
render(<Options />, document.getElementById('app')!);
