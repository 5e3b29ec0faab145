import type { HierarchySpec } from './hierarchy.ts';

/**
 * Sample geography hierarchy for the Greater Bay Area: district → city / region → jurisdiction → *.
 * Public administrative divisions (no personal data), written as each jurisdiction writes them
 * (simplified script for Guangdong, traditional for Hong Kong and Macao). Deployments pass their own
 * tree as data; this one serves tests, the benchmark and the demo.
 */
export const GBA_GEOGRAPHY: HierarchySpec = {
  广东省: {
    广州市: ['越秀区', '海珠区', '荔湾区', '天河区', '白云区', '黄埔区', '番禺区', '花都区', '南沙区', '从化区', '增城区'],
    深圳市: ['福田区', '罗湖区', '南山区', '宝安区', '龙岗区', '盐田区', '龙华区', '坪山区', '光明区'],
    珠海市: ['香洲区', '斗门区', '金湾区'],
    佛山市: ['禅城区', '南海区', '顺德区', '三水区', '高明区'],
  },
  香港特別行政區: {
    香港島: ['中西區', '灣仔區', '東區', '南區'],
    九龍: ['油尖旺區', '深水埗區', '九龍城區', '黃大仙區', '觀塘區'],
    新界: ['荃灣區', '屯門區', '元朗區', '北區', '大埔區', '西貢區', '沙田區', '葵青區', '離島區'],
  },
  澳門特別行政區: {
    澳門半島: ['花地瑪堂區', '聖安多尼堂區', '望德堂區', '大堂區', '風順堂區'],
    氹仔: ['嘉模堂區'],
    路環: ['聖方濟各堂區'],
  },
};
