import { Flex, Spin } from 'antd';

/** A centred spinner for a page or panel that is still loading. */
export function PageSpinner() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240, width: '100%' }}>
      <Spin size="large" />
    </Flex>
  );
}
